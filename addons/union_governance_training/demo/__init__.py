from . import union_governance_training_demo
