"""The pages a review link opens (no account): namespace `reviewlink`, under /review/."""

from django.urls import path

from ordinances.views import review_link

app_name = "reviewlink"
urlpatterns = [
    path("<str:token>/", review_link.link_page, name="page"),
    path("<str:token>/comment/", review_link.link_comment, name="comment"),
    path("<str:token>/sign-off/", review_link.link_sign_off, name="sign_off"),
]
