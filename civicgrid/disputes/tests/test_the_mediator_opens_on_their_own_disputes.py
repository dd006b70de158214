"""The mediator's home page opens on the disputes they are in charge of, and their dispute list on their own
open ones; the menu leads there."""

from django.urls import reverse

from .conftest import accepted


def test_the_home_page_and_list_show_their_own_disputes_first(client, dispute_case, mediator, village_committee,
                                                             neighbour_disputes, grid_worker, intake_clerk):
    from civicgrid.cases.intake import file_case
    from civicgrid.cases.services import transition
    from civicgrid.testing import factories

    other = file_case(factories.report(neighbour_disputes, title="另一起纠纷", channel="grid_worker"), grid_worker)
    transition(other, "register", intake_clerk)
    accepted(dispute_case, mediator, village_committee)
    client.force_login(mediator)
    home = client.get(reverse("home")).content.decode()
    assert 'id="mediator-panel"' in home and "邻里漏水纠纷" in home and "另一起纠纷" not in home
    main = home[home.index("<main"):]
    assert main.index('id="mediator-panel"') < main.index(reverse("disputes:pool"))  # before the shortcuts
    own = client.get(reverse("disputes:list")).content.decode()
    assert dispute_case.number in own and other.number not in own
    everything = client.get(reverse("disputes:list"), {"scope": "all", "state": "open"}).content.decode()
    assert other.number in everything


def test_a_dispatcher_has_no_mediator_panel(client, township_dispatcher, dispute_case):
    client.force_login(township_dispatcher)
    assert 'id="mediator-panel"' not in client.get(reverse("home")).content.decode()
