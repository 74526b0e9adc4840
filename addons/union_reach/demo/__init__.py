from . import union_reach_demo
