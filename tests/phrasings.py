"""Real-world phrasings, as job seekers type them, for every slot the composer fills.

Each list mixes forms on purpose: noun phrases, first-person sentences with and without their
"I", gerunds, infinitives, clauses about someone else, the reader named in the third person,
stray capitals and full stops, and names from many countries.
"""

from __future__ import annotations

REASONS = [
    "I have accepted a role closer to my family in Cork",
    "a role closer to my family",
    "relocating to Lyon with my partner",
    "to stay near my parents in Kraków",
    "family reasons.",
    "I've decided to stay in my current job for another year.",
    "my partner's job is moving to Singapore",
    "because I'm going back to university to finish my master's",
    "another offer that fits my career goals better",
    "Pursuing a PhD in computational biology at ETH Zürich",
    "I have another interview next week",
    "waiting to hear from another company",
    "need to talk it over with my family",
    "Decided to go back to school",
    "health reasons",
    "the commute from Tema would be over two hours each way",
    "staying with my current team through the product launch",
    "to take care of my father after his surgery",
    "a startup founded by two former colleagues in Nairobi",
    "the timing is not right for my family",
]

STRENGTHS = [
    ["my Airflow migration at Lumen"],
    ["language fluency", "five years of enterprise sales"],
    ["leading a team of twelve in Lagos"],
    ["experience with SAP S/4HANA"],
    ["the dashboard I built for the Osaka office"],
    ["they liked my portfolio"],
    ["I explained the churn model clearly"],
    ["bilingual customer support in Spanish and English"],
    ["Stakeholder management"],
    ["my time at Deloitte in São Paulo", "Kubernetes"],
    ["python", "SQL", "dbt"],
    ["my teaching background"],
]

POINTS = [
    "Siobhan's plan to move billing to Kafka",
    "plans to expand into the European commodities market",
    "how new consultants learn the CRM",
    "the move to a four-day week",
    "We talked about the data warehouse migration.",
    "Mr. Okafor's question about churn",
    "Priya mentioned the team is hiring in Pune",
    "onboarding for new analysts",
    "to move the support desk to Zendesk",
    "launching the Lagos office next spring",
    "your plans for the Hamburg warehouse",
    "the team's approach to code review",
    "Open-sourcing the SDK",
    "expanding the loyalty program across Southeast Asia",
    "Dr. Nguyen's research on battery recycling",
    "Mr. Kim's plan to move billing to Kafka",
    "Ms. Haddad's question about my gap year",
    "move the reporting to Looker",
    "our conversation about plans to expand",
    "Tom asked about my time in Lisbon",
    "what the first ninety days look like",
]

NEXT_STEPS = [
    "hear back on Monday about a second round",
    "I will hear back by Friday",
    "They'll call me next week",
    "a second interview with the CFO",
    "send my references by Thursday",
    "waiting for HR to send the offer",
    "Siobhan will email me about a take-home task",
    "the next step is a panel interview",
    "meet the team in Rotterdam",
    "to complete a case study",
    "a decision by the end of the month",
    "Priya is going to set up a call with the CTO",
]

JOBS = [
    "Opening accounts in Europe",
    "migrating the billing system to Kafka in the first quarter",
    "It's mostly data pipelines. Some on-call too.",
    "the role owns onboarding for every new customer",
    "build a sales team for the Nordics",
    "how the clinics share patient records",
    "a rebuild of the mobile app",
    "to lead the move to the cloud",
]

CLARIFICATIONS = [
    None,
    "I have prepared course syllabi",
    "my answer about the salary range",
    "I did lead the vendor negotiation myself, not just support it",
    "explain the gap in my CV",
]

MENTIONS = [
    "my two semesters in Belgium",
    "I speak Dutch",
    "that I finished the AWS certification last month",
    "the portfolio link I sent after the interview",
]

NEWS = [
    "I finished my MBA at INSEAD",
    "I have been leading a migration to Postgres at my current job",
    "Started a new role at Wayfair in Berlin",
    "my article on retail pricing was published",
    "Since we spoke, I have completed a certificate in applied statistics",
    "As of this month, I lead the data team at Ørsted",
]

# (name, honorific, first_name_ok, addressed_as): names from many countries and habits,
# family name first where that is how the name is written.
PANELS = [
    [("Siobhan O'Brien", "Ms.", False, None), ("Tom Jones", "Mr.", False, None)],
    [("Priya Raman", "Ms.", False, None), ("Oluwaseun Okafor", "Mr.", False, None)],
    [("Jan van der Berg", "Mr.", False, None)],
    [("Amara Nwosu", None, True, None), ("Lena Schröder", "Dr.", False, None)],
    [("Mariana Costa", "Ms.", False, None), ("Dmitri Volkov", "Mr.", False, None)],
    [("Layla Haddad", "Ms.", False, None), ("Kenji Watanabe", "Mr.", False, None)],
    [("Aoife Ní Bhriain", "Ms.", False, None)],
    [("Kim Min-jun", "Mr.", False, "Mr. Kim"), ("Nguyễn Thị Lan", "Ms.", False, "Ms. Nguyễn")],
    [("Sam Taylor", None, True, None)],
]

COMPANIES = [
    ("ABC Company", "Senior Sales Consultant"),
    ("Lumen Analytics", "Data Engineer"),
    ("Kestrel Health", "Product Manager"),
    ("Nordhavn Logistics", "Operations Analyst"),
    ("Ríos & Vega", "Marketing Coordinator"),
    ("Tidewater Bank", "Risk Associate"),
]

COUNT = sum(
    len(x) for x in (REASONS, STRENGTHS, POINTS, NEXT_STEPS, JOBS, CLARIFICATIONS, MENTIONS, NEWS)
) + sum(len(p) for p in PANELS)
