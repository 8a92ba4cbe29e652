from django.urls import path

from exports import amend_views, public_views, redline_views, views

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
        "drafts/<int:pk>/r/<int:number>/job/<slug:kind>/",
        views.page_pdf_status,
        name="page_pdf_status",
    ),
    path(
        "drafts/<int:pk>/r/<int:number>/compliance.pdf",
        views.compliance_report_pdf,
        name="compliance_pdf",
    ),
    path(
        "drafts/<int:pk>/r/<int:number>/amending.<slug:fmt>",
        amend_views.amending_download,
        name="amending",
    ),
    path("drafts/<int:pk>/r/<int:number>/packet.pdf", public_views.council_packet, name="packet"),
    path(
        "drafts/<int:pk>/r/<int:number>/packet/anyway/",
        public_views.council_packet_anyway,
        name="packet_anyway",
    ),
    path(
        "drafts/<int:pk>/r/<int:number>/packet/status/",
        public_views.council_packet_status,
        name="packet_status",
    ),
    path(
        "drafts/<int:pk>/r/<int:number>/staff-report.docx",
        public_views.staff_report_docx,
        name="staff_report",
    ),
    path(
        "drafts/<int:pk>/r/<int:number>/summary/",
        public_views.public_summary_page,
        name="public_summary",
    ),
    path(
        "drafts/<int:pk>/r/<int:number>/summary.pdf",
        public_views.public_summary_pdf,
        name="public_summary_pdf",
    ),
    path("compare/redline.docx", redline_views.redline_docx, name="redline_docx"),
    path("compare/redline.pdf", redline_views.redline_pdf, name="redline_pdf"),
    path(
        "compare/redline.pdf/status/", redline_views.redline_pdf_status, name="redline_pdf_status"
    ),
]
