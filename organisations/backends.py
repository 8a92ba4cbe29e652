"""The sign-in backend: Django's, loading a signed-in user's membership and office with
the user, so that a request asks the database once for all three."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class MemberBackend(ModelBackend):
    def get_user(self, user_id):
        """The user for a session (as ModelBackend), with `membership.organisation` loaded."""
        model = get_user_model()
        user = (
            model._default_manager.select_related("membership__organisation")
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
