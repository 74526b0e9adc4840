from . import union_member_card
