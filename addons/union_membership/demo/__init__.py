# Demo data generators (not product models): called by the demo XML files of this folder.
from . import union_membership_demo_province, union_membership_demo_reorganisation
