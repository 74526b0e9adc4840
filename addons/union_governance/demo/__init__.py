from . import union_governance_demo
