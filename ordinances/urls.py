from django.urls import path

from ordinances.views import (
    amend,
    audit,
    check,
    comments,
    compare,
    drafts,
    fixes,
    health,
    reviews,
    revisions,
    upgrade,
    wizard,
)

app_name = "ordinances"
urlpatterns = [
    path("", drafts.draft_list, name="draft_list"),
    path("health/", health.health, name="health"),
    path("drafts/new/", drafts.draft_new, name="draft_new"),
    path("check/", check.check_ordinance, name="check"),
    path("amend/", amend.amend_start, name="amend_start"),
    path("drafts/<int:pk>/amend/", amend.amend_draft, name="amend"),
    path("audit/", audit.audit_trail, name="audit"),
    path("drafts/<int:pk>/fix/", fixes.apply_fix, name="apply_fix"),
    path("compare/", compare.compare_page, name="compare"),
    path("drafts/upload/", drafts.draft_upload, name="draft_upload"),
    path("drafts/<int:pk>/", drafts.draft_detail, name="draft_detail"),
    path("drafts/<int:pk>/rename/", drafts.draft_rename, name="draft_rename"),
    path("drafts/<int:pk>/duplicate/", drafts.draft_duplicate, name="draft_duplicate"),
    path("drafts/<int:pk>/archive/", drafts.draft_archive, name="draft_archive"),
    path("drafts/<int:pk>/upgrade/", upgrade.draft_upgrade, name="upgrade"),
    path("drafts/<int:pk>/edit/<slug:step>/", wizard.wizard_step, name="wizard"),
    path("drafts/<int:pk>/preview/", wizard.wizard_preview, name="wizard_preview"),
    path("drafts/<int:pk>/discard/", wizard.wizard_discard, name="wizard_discard"),
    path("drafts/<int:pk>/merge/", wizard.wizard_merge, name="wizard_merge"),
    path("drafts/<int:pk>/r/<int:number>/", revisions.revision_detail, name="revision_detail"),
    path("drafts/<int:pk>/r/<int:number>/spec.json", revisions.revision_spec, name="revision_spec"),
    path("drafts/<int:pk>/reviews/", reviews.review_upload, name="review_upload"),
    path("drafts/<int:pk>/reviews/<int:review>/", reviews.review_detail, name="review_detail"),
    path("drafts/<int:pk>/r/<int:number>/comments/", comments.thread_new, name="thread_new"),
    path(
        "drafts/<int:pk>/comments/<int:thread>/reply/", comments.thread_reply, name="thread_reply"
    ),
    path(
        "drafts/<int:pk>/comments/<int:thread>/status/",
        comments.thread_status,
        name="thread_status",
    ),
    path("drafts/<int:pk>/r/<int:number>/review-links/", comments.link_new, name="link_new"),
    path(
        "drafts/<int:pk>/review-links/<int:link>/revoke/", comments.link_revoke, name="link_revoke"
    ),
]
