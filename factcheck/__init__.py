"""factcheck: check the arithmetic in defense-industry press releases.

    file ──read──▶ Document ──extract──▶ [Mention] ──link──▶ [Claim] ──judge(rules)──▶ [Finding] ──report──▶ output

read: factcheck/document/   extract: factcheck/extract/   link: factcheck/claims/
judge: factcheck/judge.py + factcheck/ruleset.py   report: factcheck/report/   glue: pipeline.py, cli.py
"""

__version__ = "0.3.0"
