from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("config.auth")),
    path("library/", include("clauses.urls")),
    path("", include("exports.urls")),
    path("", include("ordinances.urls")),
]
