"""A story's current state, the value of `articles.stories` (key: story id).

Built from the previous state and the member that joined; bounded: the first
`max_members` members and sites are listed, `member_count` counts them all.
The representative article is the story's first: the original a copy repeats.
"""

from __future__ import annotations

from typing import Any

from worker import __version__
from worker.core.stories.assign import Member

SCHEMA_VERSION = 1


def _listed(member: Member) -> dict[str, Any]:
    return {
        "id": member.id,
        "site": member.site,
        "url": member.url,
        "published_at": member.published_at,
        "duplicate_of": member.duplicate_of,
        "similarity": member.similarity,
        "seen_at": member.seen_at,
    }


def first_state(member: Member, now: str) -> dict[str, Any]:
    """The state of a story whose first article is `member`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": member.story,
        "first_seen_at": member.first_seen_at,
        "last_seen_at": member.seen_at,
        "representative": {
            "id": member.id,
            "site": member.site,
            "url": member.url,
            "title": member.title,
            "published_at": member.published_at,
        },
        "members": [_listed(member)],
        "member_count": 1,
        "members_truncated": False,
        "sites": [member.site] if member.site else [],
        "updated_at": now,
        "worker_version": __version__,
    }


def joined_state(
    state: dict[str, Any], member: Member, max_members: int, now: str
) -> dict[str, Any]:
    """`state` after `member` joined the story."""
    members = state["members"]
    sites = state["sites"]
    listed = len(members) < max_members
    new_site = member.site is not None and member.site not in sites and len(sites) < max_members
    return {
        **state,
        "last_seen_at": max(state["last_seen_at"], member.seen_at),
        "members": [*members, _listed(member)] if listed else members,
        "member_count": state["member_count"] + 1,
        "members_truncated": state["members_truncated"] or not listed,
        "sites": [*sites, member.site] if new_site else sites,
        "updated_at": now,
        "worker_version": __version__,
    }
