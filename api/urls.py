from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api import errors, views

app_name = "api"

DRAFT = "drafts/<int:pk>/"
REVISION = "drafts/<int:pk>/revisions/<int:number>/"
FORMATS = "(?P<fmt>html|txt|docx|pdf|akn)"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    path("drafts/", views.DraftList.as_view(), name="drafts"),
    path(DRAFT, views.DraftDetail.as_view(), name="draft"),
    path(DRAFT + "revisions/", views.RevisionList.as_view(), name="revisions"),
    path(REVISION, views.RevisionDetail.as_view(), name="revision"),
    re_path(
        r"^drafts/(?P<pk>[0-9]+)/revisions/(?P<number>[0-9]+)/render/" + FORMATS + "/$",
        views.RevisionRender.as_view(),
        name="revision_render",
    ),
    path(REVISION + "lint/", views.RevisionLint.as_view(), name="revision_lint"),
    path(REVISION + "compare/", views.RevisionCompare.as_view(), name="revision_compare"),
    re_path(
        r"^drafts/(?P<pk>[0-9]+)/revisions/(?P<number>[0-9]+)/compare/redline/"
        r"(?P<fmt>docx|pdf)/$",
        views.RevisionRedline.as_view(),
        name="revision_redline",
    ),
    re_path(r"^render/" + FORMATS + "/$", views.SpecRender.as_view(), name="render"),
    path("lint/", views.Lint.as_view(), name="lint"),
    re_path(r"^[\s\S]*$", errors.not_found),
]
