"""Campaigns: responses sent as near-copies of one letter, read once.

`near_copies.py` finds them (MinHash with locality-sensitive hashing, datasketch) and says what
each copy shares and adds; `grouping.py` writes a plan's `Campaign`s from them in one
transaction and splits a member out; `tasks.py` groups in the background as an officer asks
(`request_grouping`; `CampaignGrouping` is a job of marginalia.jobs' shape). The officers' page
for them is officers.campaign_views."""
