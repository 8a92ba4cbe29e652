from django.urls import path

from exports import views

app_name = "exports"
urlpatterns = [
    path("<int:pk>/r/<int:number>/export/<slug:kind>/", views.download, name="download"),
    path(
        "<int:pk>/r/<int:number>/export/<slug:kind>/anyway/",
        views.export_anyway,
        name="export_anyway",
    ),
    path("<int:pk>/r/<int:number>/compliance/", views.compliance_report, name="compliance"),
    path(
        "<int:pk>/r/<int:number>/compliance.pdf",
        views.compliance_report_pdf,
        name="compliance_pdf",
    ),
]
