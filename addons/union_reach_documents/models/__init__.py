from . import union_reach_workplace
