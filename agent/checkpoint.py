"""The checkpoint serializer: LangGraph's, reviving only the pydantic models of the modules named."""

from __future__ import annotations

from langgraph.checkpoint.serde.jsonplus import JsonPlusSerializer
from pydantic import BaseModel


def serde(*modules) -> JsonPlusSerializer:
    """A checkpoint serializer that revives the pydantic models of ``modules`` and no other types."""
    return JsonPlusSerializer(allowed_msgpack_modules=[
        (module.__name__, name) for module in modules for name, kind in vars(module).items()
        if isinstance(kind, type) and issubclass(kind, BaseModel) and kind.__module__ == module.__name__])
