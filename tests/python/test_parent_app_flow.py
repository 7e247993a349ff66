"""A parent app's flow through the client generated from openapi.yaml: a guardian signs in
through the app, lists their children, reads the term's texts, applies, reads the
application's status, withdraws and reads it again. The school's side (opening the term,
activating the guardian, registering the app) is set up with raw HTTP."""

from http import HTTPStatus

from kehou_client import AuthenticatedClient, Client
from kehou_client.api.applications import (
    create_application,
    get_application,
    list_applications,
    withdraw_application,
)
from kehou_client.api.auth import app_login, my_children
from kehou_client.api.plans import list_plans
from kehou_client.api.texts import list_texts, record_receipt
from kehou_client.models import (
    AppLoginRequest,
    Application,
    ItemsChild,
    LeaveMode,
    NewApplication,
    NewNoticeReceipt,
    OfferingChoice,
    PagePlanText,
    PageServicePlan,
    Problem,
    Status,
    TokenPair,
    Withdrawal,
)

from kehou_harness import GUARDIAN_PASSWORD, activate_guardian, api_client, open_term

STUDENT = 5  # in 一年级1班 of the demo school
OTHER_FAMILY_STUDENT = 6


def sign_in(base, client_id, secret, phone):
    # A sign-in carries no bearer token: a plain Client.
    with Client(base_url=base, raise_on_unexpected_status=True) as anonymous:
        r = app_login.sync_detailed(
            client=anonymous,
            body=AppLoginRequest(client_id=client_id, client_secret=secret, username=phone, password=GUARDIAN_PASSWORD),
        )
    assert r.status_code == HTTPStatus.OK, r.content
    assert isinstance(r.parsed, TokenPair)
    assert r.parsed.token_type == "Bearer"
    assert r.parsed.expires_in > 0
    return r.parsed


def test_a_guardian_applies_and_withdraws_through_a_parent_app(api):
    school = api.school
    term, plan, agreement = open_term(api)
    phone, _ = activate_guardian(api, STUDENT)
    other_phone, _ = activate_guardian(api, OTHER_FAMILY_STUDENT)
    numeric, client_id, secret = api_client(api, ["guardians:sign_in"])
    channel = f"api_client:{numeric}"

    # Sign in through the app.
    pair = sign_in(api.base, client_id, secret, phone)
    parent = AuthenticatedClient(base_url=api.base, token=pair.access_token, raise_on_unexpected_status=True)

    # The guardian's children.
    r = my_children.sync_detailed(client=parent)
    assert r.status_code == HTTPStatus.OK
    assert isinstance(r.parsed, ItemsChild)
    kids = {c.student_id: c for c in r.parsed.items}
    assert list(kids) == [STUDENT]
    assert kids[STUDENT].school_id == school

    # The term's published texts: the notice (recorded as read through the app) and the agreement.
    r = list_texts.sync_detailed(school, client=parent, term_id=term)
    assert r.status_code == HTTPStatus.OK
    assert isinstance(r.parsed, PagePlanText)
    by_kind = {t.kind: t for t in r.parsed.items}
    assert set(by_kind) == {"notice", "agreement"}
    assert by_kind["agreement"].id == agreement["id"]
    assert by_kind["agreement"].body.startswith("学校职责")
    r = record_receipt.sync_detailed(school, client=parent, body=NewNoticeReceipt(text_id=by_kind["notice"].id, student_id=STUDENT))
    assert r.status_code == HTTPStatus.CREATED, r.content

    # The term's approved plan: what can be applied for.
    r = list_plans.sync_detailed(school, client=parent, term_id=term)
    assert r.status_code == HTTPStatus.OK
    assert isinstance(r.parsed, PageServicePlan)
    [approved] = [p for p in r.parsed.items if p.status == "approved"]
    assert approved.id == plan["id"]
    basic = next(o for o in approved.offerings if o.kind == "afternoon_basic")
    assert kids[STUDENT].grade in basic.grades

    # Apply, accepting the agreement that was read.
    new = NewApplication(
        term_id=term,
        student_id=STUDENT,
        offerings=[OfferingChoice(offering_id=basic.id, weekdays=basic.weekdays)],
        leave_mode=LeaveMode.PICKUP,
        agreement_text_id=by_kind["agreement"].id,
        accept_agreement=True,
    )
    r = create_application.sync_detailed(school, client=parent, body=new)
    assert r.status_code == HTTPStatus.CREATED, r.content
    applied = r.parsed
    assert isinstance(applied, Application)
    assert applied.status == Status.SUBMITTED
    assert applied.student_id == STUDENT
    assert applied.acceptance.text_id == agreement["id"]
    assert applied.acceptance.sha256 == agreement["sha256"]
    assert applied.acceptance.accepted_by_kind == "guardian"
    assert applied.acceptance.channel == channel
    app_id = applied.id

    # A second application for the same child is refused with a stable problem code.
    r = create_application.sync_detailed(school, client=parent, body=new)
    assert r.status_code == HTTPStatus.CONFLICT
    assert isinstance(r.parsed, Problem)
    assert r.parsed.code == "application.duplicate"
    assert r.parsed.status == 409

    # Its status, alone and in the guardian's list.
    r = get_application.sync_detailed(school, app_id, client=parent)
    assert r.status_code == HTTPStatus.OK
    assert r.parsed.status == Status.SUBMITTED
    assert [e.action for e in r.parsed.history] == ["create"]
    r = list_applications.sync_detailed(school, client=parent, term_id=term)
    assert r.status_code == HTTPStatus.OK
    assert [(a.id, a.status) for a in r.parsed.items] == [(app_id, Status.SUBMITTED)]

    # Another family sees nothing of it.
    other = AuthenticatedClient(
        base_url=api.base, token=sign_in(api.base, client_id, secret, other_phone).access_token, raise_on_unexpected_status=True
    )
    r = get_application.sync_detailed(school, app_id, client=other)
    assert r.status_code == HTTPStatus.NOT_FOUND
    assert isinstance(r.parsed, Problem)
    r = list_applications.sync_detailed(school, client=other)
    assert r.status_code == HTTPStatus.OK and r.parsed.items == []

    # Withdraw; the API documents the result as status `withdrawn`.
    r = withdraw_application.sync_detailed(school, app_id, client=parent, body=Withdrawal(comment="家里有人接了"))
    assert r.status_code == HTTPStatus.OK, r.content
    assert r.parsed.status == Status.WITHDRAWN
    assert r.parsed.withdraw_effective_date is not None
    r = get_application.sync_detailed(school, app_id, client=parent)
    assert r.status_code == HTTPStatus.OK
    seen = r.parsed
    assert seen.status == Status.WITHDRAWN
    assert [e.action for e in seen.history] == ["create", "withdraw"]
    assert seen.history[-1].actor_role == "guardian"
    assert seen.history[-1].comment == "家里有人接了"

    # Withdrawing again is refused: the application is no longer in a withdrawable status.
    r = withdraw_application.sync_detailed(school, app_id, client=parent, body=Withdrawal())
    assert r.status_code == HTTPStatus.CONFLICT
    assert isinstance(r.parsed, Problem)
    assert r.parsed.code == "application.wrong_status"
