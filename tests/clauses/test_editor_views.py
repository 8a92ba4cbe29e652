"""Library editors in the browser's terms: a new clause version, compare, recommend."""

import pytest
import yaml
from django.contrib.auth.models import Permission
from django.urls import reverse

from clauses.models import Clause, ClauseVersion
from drafting.library import editable_front_matter
from tests.factories import make_member, new_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(office):
    return make_member(office, "eli", editor=True)


@pytest.fixture
def house_editor(office):
    user = make_member(office, "hana")
    user.user_permissions.add(Permission.objects.get(codename="edit_house_edition"))
    return user


def _form(slug: str = "ncic", **changes) -> dict:
    content = Clause.objects.get(slug=slug).latest_version().content()
    front, options = editable_front_matter(content)
    data = {
        "scope": "library",
        "front_matter": front,
        "options": options,
        "text": content.body,
        "change_note": "Cover successor databases (test).",
    }
    data.update(changes)
    return data


def _edit_url(slug: str = "ncic") -> str:
    return reverse("clauses:clause_edit", args=[slug])


def test_drafter_gets_a_clear_403_on_the_edit_page(client_for, drafter, library):
    for method in ("get", "post"):
        response = getattr(client_for(drafter), method)(
            _edit_url(), _form() if method == "post" else None
        )
        assert response.status_code == 403
        assert "Only library editors can do this" in response.content.decode()
    assert ClauseVersion.objects.filter(clause__slug="ncic").count() == 1


def test_edit_needs_sign_in(client, library):
    response = client.get(_edit_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_edit_page_starts_from_the_newest_version(client_for, editor, library):
    page = client_for(editor).get(_edit_url("detainers")).content.decode()
    assert "Starting from version 2" in page
    assert "key: warrant_standard" in page
    assert "slug: detainers" not in page


def test_editor_saves_a_new_version_with_its_change_note(client_for, editor, library):
    text = _form()["text"].replace("NCIC database.", "NCIC database or any successor database.")
    response = client_for(editor).post(_edit_url(), _form(text=text))
    version = ClauseVersion.objects.get(clause__slug="ncic", number=2)
    assert response.status_code == 302
    assert response["Location"] == "/library/clauses/ncic/?version=2"
    assert version.change_note == "Cover successor databases (test)."
    assert version.author == "Eli Tester"
    assert version.organisation is None
    assert "successor database" in version.text
    assert "successor database" not in ClauseVersion.objects.get(clause__slug="ncic", number=1).text


def test_change_note_is_required_and_the_input_is_kept(client_for, editor, library):
    text = _form()["text"] + "\nA new sentence.\n"
    response = client_for(editor).post(_edit_url(), _form(text=text, change_note=""))
    page = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in page
    assert "A new sentence." in page
    assert ClauseVersion.objects.filter(clause__slug="ncic").count() == 1


def test_broken_yaml_is_reported_on_its_field_with_the_line(client_for, editor, library):
    response = client_for(editor).post(
        _edit_url("detainers"), _form("detainers", options="- key: x\n  label: [unclosed\n")
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "This is not valid YAML (line 2, column 19)" in page
    assert "label: [unclosed" in page


def test_invalid_option_is_reported_on_the_options_field(client_for, editor, library):
    options = yaml.safe_load(_form("detainers")["options"])
    options[0]["default"] = "no-such-choice"
    response = client_for(editor).post(
        _edit_url("detainers"), _form("detainers", options=yaml.safe_dump(options))
    )
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "options": ["Option 'warrant_standard': default 'no-such-choice' is not a choice."]
    }


def test_managed_field_in_the_front_matter_is_refused(client_for, editor, library):
    response = client_for(editor).post(
        _edit_url(), _form(front_matter=_form()["front_matter"] + "version: 7\n")
    )
    assert response.context["form"].errors == {
        "front_matter": ["Leave out version: the library sets it."]
    }


def test_text_that_does_not_assemble_is_refused(client_for, editor, library):
    response = client_for(editor).post(_edit_url(), _form(text="- Arrest in {{ township }}.\n"))
    assert response.context["form"].errors == {
        "text": ["The clause text uses unknown name(s): township."]
    }
    assert ClauseVersion.objects.filter(clause__slug="ncic").count() == 1


def test_unchanged_text_is_refused(client_for, editor, library):
    response = client_for(editor).post(_edit_url(), _form())
    assert response.status_code == 400
    assert "Nothing changed from version 1" in response.content.decode()


def test_house_editor_writes_a_house_version_only(client_for, house_editor, office, library):
    client = client_for(house_editor)
    page = client.get(_edit_url()).content.decode()
    assert 'type="hidden" name="scope" value="house"' in page
    text = _form()["text"].replace("NCIC", "N.C.I.C.")
    assert client.post(_edit_url(), _form(scope="library", text=text)).status_code == 400
    assert client.post(_edit_url(), _form(scope="house", text=text)).status_code == 302
    version = ClauseVersion.objects.get(clause__slug="ncic", organisation=office)
    assert version.number == office.pk * 1000 + 1  # the office's own block of numbers


def test_house_version_is_hidden_from_other_organisations(
    client_for, editor, office, outsider, library
):
    house = new_version("ncic", editor, organisation=office, old="NCIC", new="N.C.I.C.")
    url = reverse("clauses:clause_detail", args=["ncic"])
    label = f"Version {house.number}"
    assert label in client_for(editor).get(url).content.decode()
    assert label not in client_for(outsider).get(url).content.decode()
    assert client_for(outsider).get(url + f"?version={house.number}").status_code == 404


def test_compare_two_versions_side_by_side(client_for, drafter, editor, library):
    new_version(
        "ncic", editor, old="NCIC database.", new="NCIC database or any successor database."
    )
    response = client_for(drafter).get(
        reverse("clauses:clause_compare", args=["ncic"]) + "?old=1&new=2"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        '<ins><span class="visually-hidden">inserted: </span> or any successor database</ins>'
        in page
    )
    assert "Test change to ncic." in page
    assert "Version 1 (left) compared with Version 2 (right)" in page


def test_compare_shows_option_changes(client_for, drafter, editor, library):
    clause = Clause.objects.get(slug="reporting")
    content = clause.latest_version().content()
    options = tuple(
        o.__class__(**{**o.__dict__, "default": "annual"}) if o.key == "reporting_cadence" else o
        for o in content.options
    )
    new_version("reporting", editor, options=options)
    page = client_for(drafter).get(reverse("clauses:clause_compare", args=["reporting"])).content
    assert (
        "Option “How often the public report comes out”: default Every quarter (CPD model) → "
        "Once a year." in page.decode()
    )


def test_editor_marks_the_recommended_version(client_for, editor, drafter, library):
    version = new_version("ncic", editor, old="NCIC", new="N.C.I.C.")
    url = reverse("clauses:clause_recommend", args=["ncic"])
    assert client_for(drafter).post(url, {"version": "2"}).status_code == 403
    assert Clause.objects.get(slug="ncic").recommended_version is None
    assert client_for(editor).post(url, {"version": "2"}).status_code == 302
    assert Clause.objects.get(slug="ncic").recommended_version == version
    page = client_for(drafter).get(reverse("clauses:clause_detail", args=["ncic"])).content
    assert "recommended</span>" in page.decode()


def test_clause_page_offers_editing_to_editors_only(client_for, editor, drafter, library):
    url = reverse("clauses:clause_detail", args=["ncic"])
    assert "Write a new version" in client_for(editor).get(url).content.decode()
    assert "Write a new version" not in client_for(drafter).get(url).content.decode()


@pytest.mark.django_db
def test_recommend_with_a_malformed_version_is_404_not_500(client, library):
    from django.contrib.auth.models import Permission, User

    editor = User.objects.create_user("rec-editor", password="x" * 20)
    editor.user_permissions.add(Permission.objects.get(codename="edit_library"))
    client.force_login(editor)
    response = client.post("/library/clauses/ncic/recommend/", {"version": "abc"})
    assert response.status_code == 404


def test_text_that_would_loop_for_seconds_is_refused_at_save(client_for, editor, library):
    loop = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    text = _form()["text"] + loop
    response = client_for(editor).post(_edit_url(), _form(text=text))
    assert response.status_code == 400
    assert response.context["form"].errors["text"] == [
        "The text takes more than 2 s to fill in: a loop, repetition or calculation in it is "
        "far larger than any ordinance needs. Make it smaller."
    ]
    assert Clause.objects.get(slug="ncic").versions.count() == 1
