"""The knowledge base: entities, their names in fa/ar/en, dated roles and offices."""

from rasad.kb.loader import KnowledgeBase, load_kb
from rasad.kb.schema import Entity, Membership, Names, Office, Role

__all__ = ["Entity", "KnowledgeBase", "Membership", "Names", "Office", "Role", "load_kb"]
