/** Demo job seekers with resumes, one per field, and the demo admin. Every person is invented. */
export interface DemoSeeker {
  email: string;
  firstName: string;
  lastName: string;
  location: string;
  phone: string;
  /** The field the seeker works in: demo matches should come from it. */
  field: string;
  skills: [string, 'beginner' | 'intermediate' | 'expert', number][];
  resume: string;
}

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_ADMIN_EMAIL = 'admin@jobplatform.example';

export const DEMO_SEEKERS: DemoSeeker[] = [
  {
    email: 'maria.lopez@example.com',
    firstName: 'Maria',
    lastName: 'Lopez',
    location: 'Boston, MA',
    phone: '+1 617 555 0101',
    field: 'Healthcare',
    skills: [
      ['Registered Nurse', 'expert', 6],
      ['Critical Care', 'expert', 4],
      ['ACLS', 'expert', 6],
      ['Patient Care', 'expert', 6],
      ['Epic EHR', 'intermediate', 5],
      ['Spanish', 'expert', 20],
    ],
    resume: `Maria Lopez, RN
Boston, MA | maria.lopez@example.com | +1 617 555 0101

SUMMARY
Registered nurse with six years of acute and critical care experience. Calm under pressure, bilingual English and Spanish.

EXPERIENCE
Staff Nurse, Medical Intensive Care Unit - Beacon General Hospital, Boston, MA (2021 - present)
- Care for four to six critically ill adults per shift, including ventilated and post-surgical patients
- Titrate vasoactive drips and sedation; ACLS responder on the rapid response team
- Charted in Epic; precepted eight new graduate nurses

Registered Nurse, Medical-Surgical Unit - St. Anne Medical Center, Providence, RI (2019 - 2021)
- Patient care, medication administration and wound care for 5 to 6 patients
- Taught patients and families about discharge plans and medications

EDUCATION
Bachelor of Science in Nursing - University of Rhode Island (2019)

LICENSES AND CERTIFICATIONS
Registered Nurse (MA, RI), ACLS, BLS, CCRN

SKILLS
Critical care, triage, patient education, infection control, Epic EHR, Spanish`,
  },
  {
    email: 'dev.patel@example.com',
    firstName: 'Dev',
    lastName: 'Patel',
    location: 'Austin, TX',
    phone: '+1 512 555 0102',
    field: 'Software',
    skills: [
      ['TypeScript', 'expert', 6],
      ['Node.js', 'expert', 7],
      ['PostgreSQL', 'expert', 6],
      ['React', 'intermediate', 4],
      ['Docker', 'intermediate', 4],
      ['AWS', 'intermediate', 3],
    ],
    resume: `Dev Patel
Austin, TX - dev.patel@example.com - github.com/devpatel-example

Backend engineer who likes clean APIs, fast queries and boring deployments.

EXPERIENCE
Senior Software Engineer, Trailhead Payments (Jan 2022 - Present)
- Designed the REST APIs of our invoicing product in TypeScript on Node.js and PostgreSQL, serving 40 million requests a day
- Cut p95 latency of the ledger service from 800 ms to 90 ms by rewriting queries and adding indexes
- Moved services to Docker on AWS ECS with GitHub Actions CI/CD

Software Engineer, Lumen Analytics (Jun 2018 - Dec 2021)
- Built data ingestion services in Node.js and a React dashboard
- Introduced unit testing with Jest and code review guidelines

EDUCATION
B.S. Computer Science, University of Texas at Austin, 2018

SKILLS
TypeScript, JavaScript, Node.js, PostgreSQL, Redis, React, Docker, AWS, GraphQL, Git, Linux`,
  },
  {
    email: 'aisha.khan@example.com',
    firstName: 'Aisha',
    lastName: 'Khan',
    location: 'New York, NY',
    phone: '+1 212 555 0103',
    field: 'Finance',
    skills: [
      ['Financial Analysis', 'expert', 4],
      ['Financial Modeling', 'expert', 4],
      ['Excel', 'expert', 6],
      ['SQL', 'intermediate', 3],
      ['Forecasting', 'intermediate', 3],
      ['Power BI', 'intermediate', 2],
    ],
    resume: `AISHA KHAN
New York, NY | aisha.khan@example.com

PROFILE
Financial analyst with four years in FP&A and credit: forecasts, models and dashboards that leaders use.

WORK EXPERIENCE
Financial Analyst | Harborview Bank | New York, NY | 2022 - present
- Own the monthly forecast and variance analysis for a $2B consumer loan book
- Built a three-statement financial model used in the annual budget
- Automated reporting with SQL and Power BI, saving 20 hours a month

Junior Analyst | Granite Capital Partners | Jersey City, NJ | 2020 - 2022
- Financial analysis and valuation support for middle-market deals
- Maintained Excel models and investor reporting

EDUCATION
BBA in Finance, Baruch College, 2020

SKILLS
Financial modeling, financial analysis, forecasting, budgeting, Excel, SQL, Power BI, GAAP`,
  },
  {
    email: 'sam.okafor@example.com',
    firstName: 'Sam',
    lastName: 'Okafor',
    location: 'Seattle, WA',
    phone: '+1 206 555 0104',
    field: 'Design',
    skills: [
      ['UX Design', 'expert', 5],
      ['UI Design', 'expert', 5],
      ['Figma', 'expert', 5],
      ['Prototyping', 'expert', 5],
      ['UX Research', 'intermediate', 3],
      ['Design Systems', 'intermediate', 2],
    ],
    resume: `Sam Okafor - Product Designer
Seattle, WA · sam.okafor@example.com · portfolio: samokafor.example

I design products people understand on the first try.

Experience
Product Designer, Evergreen Labs — 2021 to present
• Led UX and UI design of a mobile banking app used by 300,000 people
• Ran usability tests and user research interviews every sprint
• Built and documented the company design system in Figma

UX/UI Designer, Northlight Agency — 2019 to 2021
• Designed websites and prototypes for retail and healthcare clients
• Wireframing, interaction design and visual design

Education
BFA, Interaction Design, Cornish College of the Arts, 2019

Skills
Figma, prototyping, wireframing, UX research, design systems, accessibility, Adobe Illustrator`,
  },
  {
    email: 'jordan.reed@example.com',
    firstName: 'Jordan',
    lastName: 'Reed',
    location: 'Chicago, IL',
    phone: '+1 312 555 0105',
    field: 'Sales',
    skills: [
      ['B2B Sales', 'expert', 5],
      ['Lead Generation', 'expert', 5],
      ['Negotiation', 'expert', 5],
      ['Salesforce', 'intermediate', 4],
      ['Pipeline Management', 'intermediate', 4],
    ],
    resume: `Jordan Reed
Chicago, IL | jordan.reed@example.com | +1 312 555 0105

Account executive who opens doors and closes deals.

EXPERIENCE
Account Executive - Midwest Supply Co., Chicago (2021 - present)
* B2B sales of wholesale programs to independent retailers; 124% of quota in 2023
* Prospecting, cold calling and lead generation; managed a pipeline of 60 accounts in Salesforce
* Negotiated multi-year contracts with regional chains

Sales Development Representative - CloudDesk, Chicago (2019 - 2021)
* Booked 25 qualified meetings a month for SaaS sales executives

EDUCATION
B.A. Communications, Loyola University Chicago (2019)

SKILLS
B2B sales, negotiation, lead generation, pipeline management, Salesforce, CRM, public speaking`,
  },
  {
    email: 'emily.chen@example.com',
    firstName: 'Emily',
    lastName: 'Chen',
    location: 'Portland, OR',
    phone: '+1 503 555 0106',
    field: 'Education',
    skills: [
      ['Teaching', 'expert', 7],
      ['Lesson Planning', 'expert', 7],
      ['Classroom Management', 'expert', 7],
      ['STEM Education', 'intermediate', 4],
      ['Differentiated Instruction', 'intermediate', 5],
    ],
    resume: `Emily Chen
Portland, OR — emily.chen@example.com

Mathematics teacher, seven years in public high schools.

TEACHING EXPERIENCE
Mathematics Teacher, Lincoln High School, Portland OR (2019–present)
- Teach algebra, geometry and statistics to grades 9–12; 92% pass rate on state exams
- Lesson planning with the department; differentiated instruction for English learners
- Coach of the STEM club and robotics team

Mathematics Teacher, Riverside Middle School, Salem OR (2017–2019)
- Classroom management for classes of 32; student assessment and parent conferences

EDUCATION
M.Ed. Secondary Education, Portland State University, 2017
B.S. Mathematics, Oregon State University, 2015

SKILLS
Teaching, lesson planning, classroom management, student assessment, STEM education, curriculum development`,
  },
];
