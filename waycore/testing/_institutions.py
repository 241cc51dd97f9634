"""Institutions: the sandbox's small catalog (``_catalog.CATALOG``), searchable and read-only.

``query`` matches, case-insensitively, part of the name, of the id or of the portal domain,
or a whole portal URL (by its host). The list is ordered by id.
"""

from __future__ import annotations

from typing import Any, Final
from urllib.parse import urlsplit

from ._catalog import CATALOG, Institution
from ._common import ApiError, Reply, json_reply, paginate
from ._routes import ApiRequest, Resource

__all__ = ["InstitutionCatalog", "matches", "resource"]


def render(institution_id: str, institution: Institution) -> dict[str, Any]:
    """An institution as the sandbox returns it (the portal fields' names are its own)."""
    return {
        "institutionId": institution_id,
        "name": institution.name,
        "portalUrl": institution.portal_url,
        "portalDomain": institution.portal_domain,
    }


def matches(institution_id: str, institution: Institution, query: str) -> bool:
    """Whether a search for ``query`` finds this institution."""
    needle = query.strip().lower()
    if not needle:
        return True
    if "://" in needle:
        try:
            host = urlsplit(needle).hostname
        except ValueError:
            return False
        return host is not None and host == institution.portal_domain
    return any(
        needle in haystack
        for haystack in (institution.name.lower(), institution_id, institution.portal_domain)
    )


class InstitutionCatalog:
    """The catalog is fixed data: nothing to reset."""

    def reset(self) -> None:
        """Nothing to forget."""


resource: Final = Resource("institutions", lambda options: InstitutionCatalog())


@resource.route("GET", "/institutions")
def _list(store: InstitutionCatalog, request: ApiRequest) -> Reply:
    query = request.query.get("query", "")
    ordered = sorted(CATALOG)
    found = (
        (index, institution_id)
        for index, institution_id in enumerate(ordered)
        if matches(institution_id, CATALOG[institution_id], query)
    )
    page = paginate(
        found,
        query=request.query,
        filters=(query,),
        key=lambda item: item[0],
        render=lambda item: render(item[1], CATALOG[item[1]]),
        request_id=request.request_id,
    )
    return json_reply(200, page)


@resource.route("GET", "/institutions/{institutionId}")
def _retrieve(store: InstitutionCatalog, request: ApiRequest) -> Reply:
    institution_id = request.params["institutionId"]
    institution = CATALOG.get(institution_id)
    if institution is None:
        raise ApiError(404, "not_found", "Institution not found.")
    return json_reply(200, render(institution_id, institution))
