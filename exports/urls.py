from django.urls import path

from exports import redline_views, views

app_name = "exports"
urlpatterns = [
    path("drafts/<int:pk>/r/<int:number>/export/<slug:kind>/", views.download, name="download"),
    path(
        "drafts/<int:pk>/r/<int:number>/export/<slug:kind>/status/",
        views.export_status,
        name="status",
    ),
    path(
        "drafts/<int:pk>/r/<int:number>/export/<slug:kind>/anyway/",
        views.export_anyway,
        name="export_anyway",
    ),
    path("drafts/<int:pk>/r/<int:number>/compliance/", views.compliance_report, name="compliance"),
    path(
        "drafts/<int:pk>/r/<int:number>/compliance.pdf",
        views.compliance_report_pdf,
        name="compliance_pdf",
    ),
    path("compare/redline.docx", redline_views.redline_docx, name="redline_docx"),
    path("compare/redline.pdf", redline_views.redline_pdf, name="redline_pdf"),
    path(
        "compare/redline.pdf/status/", redline_views.redline_pdf_status, name="redline_pdf_status"
    ),
]
