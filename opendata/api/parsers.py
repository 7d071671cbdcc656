"""The one JSON parser of the API: JSON nested deeper than any request of ours needs is refused
with a 400. Python's decoder gives up on very deep nesting with a RecursionError (which would be
a 500); what it can decode is then measured without recursion."""

import json

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# No request body of the API nests more than a few levels; this leaves room.
MAX_JSON_DEPTH = 32
TOO_DEEP = f"JSON nested more than {MAX_JSON_DEPTH} levels deep is refused."


class DepthLimitedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            data = json.loads(stream.read().decode(encoding))
        except RecursionError as error:
            raise ParseError(TOO_DEEP) from error
        except ValueError as error:  # bad JSON, or bytes that are not text in `encoding`
            raise ParseError(f"JSON parse error: {error}") from error
        if _depth(data) > MAX_JSON_DEPTH:
            raise ParseError(TOO_DEEP)
        return data


def _depth(data):
    """How deep lists and objects nest in decoded JSON, walked with a stack, not recursion."""
    deepest = 0
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = value.values()
        elif not isinstance(value, list):
            continue
        deepest = max(deepest, depth + 1)
        stack.extend((item, depth + 1) for item in value)
    return deepest
