from django.contrib import admin
from django.urls import include, path

from config.auth import admin_login

urlpatterns = [
    path("admin/login/", admin_login, name="admin_login"),
    path("admin/", admin.site.urls),
    path("accounts/", include("config.auth")),
    path("library/", include("clauses.urls")),
    path("api/", include("api.urls")),
    path("review/", include("ordinances.review_link_urls")),
    path("", include("exports.urls")),
    path("", include("ordinances.urls")),
]

handler400 = "config.errors.bad_request"
