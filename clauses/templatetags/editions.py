"""`{% upgrade_offer draft %}`: the draft page's note that a newer edition is available."""

from django import template

from clauses.services import upgrade_offer as find_offer

register = template.Library()


@register.inclusion_tag("ordinances/upgrade_offer.html")
def upgrade_offer(draft) -> dict:
    revision = draft.latest_revision()
    offer = None
    if revision is not None:
        spec = revision.spec
        offer = find_offer(spec.get("edition", ""), spec.get("versions") or {}, draft.organisation)
    return {"draft": draft, "revision": revision, "offer": offer}
