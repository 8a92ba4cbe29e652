from django.urls import path

from ordinances import audit_views, check_views, compare_views, views
from ordinances.upgrade_views import draft_upgrade

app_name = "ordinances"
urlpatterns = [
    path("", views.draft_list, name="draft_list"),
    path("health/", views.health, name="health"),
    path("drafts/new/", views.draft_new, name="draft_new"),
    path("check/", check_views.check_ordinance, name="check"),
    path("audit/", audit_views.audit_trail, name="audit"),
    path("drafts/<int:pk>/fix/", views.apply_fix, name="apply_fix"),
    path("compare/", compare_views.compare_page, name="compare"),
    path("drafts/upload/", views.draft_upload, name="draft_upload"),
    path("drafts/<int:pk>/", views.draft_detail, name="draft_detail"),
    path("drafts/<int:pk>/rename/", views.draft_rename, name="draft_rename"),
    path("drafts/<int:pk>/duplicate/", views.draft_duplicate, name="draft_duplicate"),
    path("drafts/<int:pk>/archive/", views.draft_archive, name="draft_archive"),
    path("drafts/<int:pk>/upgrade/", draft_upgrade, name="upgrade"),
    path("drafts/<int:pk>/edit/<slug:step>/", views.wizard_step, name="wizard"),
    path("drafts/<int:pk>/preview/", views.wizard_preview, name="wizard_preview"),
    path("drafts/<int:pk>/discard/", views.wizard_discard, name="wizard_discard"),
    path("drafts/<int:pk>/r/<int:number>/", views.revision_detail, name="revision_detail"),
    path("drafts/<int:pk>/r/<int:number>/spec.json", views.revision_spec, name="revision_spec"),
]
