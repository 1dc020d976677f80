/**
 * The starting skills catalog: real skills with a category and the aliases people write.
 * Format per line: name | category | aliases (comma separated). Loaded on a first start.
 */
const CATALOG = `
JavaScript|technical|js,ecmascript,es6,es2015,vanilla js
TypeScript|technical|ts
Python|technical|py,python3
Java|technical|java se,java ee,jakarta ee
C|technical|c language,ansi c
C++|technical|cpp,cplusplus
C#|technical|csharp,c sharp
Go|technical|golang
Rust|technical|rust lang
Ruby|technical|
PHP|technical|
Kotlin|technical|
Swift|technical|
Objective-C|technical|objc,objective c
Scala|technical|
Elixir|technical|
Erlang|technical|
Haskell|technical|
Clojure|technical|
R|technical|r language,rstats
MATLAB|technical|
Julia|technical|
Perl|technical|
Dart|technical|
Lua|technical|
Bash|technical|shell scripting,shell,bash scripting,sh
PowerShell|technical|
SQL|technical|structured query language
PL/SQL|technical|plsql
T-SQL|technical|tsql,transact-sql
HTML|technical|html5
CSS|technical|css3
Sass|technical|scss
Tailwind CSS|technical|tailwind,tailwindcss
React|technical|reactjs,react.js
React Native|technical|
Next.js|technical|nextjs,next
Vue.js|technical|vue,vuejs
Nuxt|technical|nuxtjs,nuxt.js
Angular|technical|angularjs,angular.js
Svelte|technical|sveltekit
SolidJS|technical|solid,solid.js
jQuery|technical|
Redux|technical|
GraphQL|technical|gql
REST APIs|technical|rest,restful apis,rest api,restful
gRPC|technical|
WebSockets|technical|websocket
Node.js|technical|node,nodejs,node js
Deno|technical|
Express|technical|express.js,expressjs
NestJS|technical|nest.js
Hono|technical|
tRPC|technical|
Django|technical|
Flask|technical|
FastAPI|technical|
Spring Boot|technical|spring,spring framework
Ruby on Rails|technical|rails,ror
Laravel|technical|
ASP.NET|technical|asp.net core,aspnet
.NET|technical|dotnet,.net core,.net framework
Flutter|technical|
Android Development|technical|android
iOS Development|technical|ios
SwiftUI|technical|
Unity|technical|unity3d
Unreal Engine|technical|unreal,ue5
PostgreSQL|technical|postgres,psql,postgre,pgsql
MySQL|technical|
MariaDB|technical|
SQLite|technical|
Microsoft SQL Server|technical|mssql,sql server
Oracle Database|technical|oracle db,oracle
MongoDB|technical|mongo
Redis|technical|
Elasticsearch|technical|elastic search,elk
Cassandra|technical|apache cassandra
DynamoDB|technical|
Snowflake|technical|
BigQuery|technical|google bigquery
pgvector|technical|
Kafka|technical|apache kafka
RabbitMQ|technical|
Apache Spark|technical|spark,pyspark
Hadoop|technical|apache hadoop
Airflow|technical|apache airflow
dbt|technical|data build tool
ETL|technical|elt,data pipelines
Data Warehousing|technical|data warehouse
Data Modeling|technical|data modelling
Pandas|technical|
NumPy|technical|
scikit-learn|technical|sklearn,scikit learn
TensorFlow|technical|tf
PyTorch|technical|torch
Keras|technical|
Machine Learning|technical|ml
Deep Learning|technical|dl
Natural Language Processing|technical|nlp
Computer Vision|technical|cv
Large Language Models|technical|llm,llms
Prompt Engineering|technical|
MLOps|technical|
Statistics|technical|statistical analysis
A/B Testing|technical|ab testing,split testing
Data Analysis|technical|data analytics
Data Visualization|technical|data viz
Tableau|technical|
Power BI|technical|powerbi
Looker|technical|
Excel|technical|microsoft excel,ms excel,spreadsheets
Google Sheets|technical|
VBA|technical|
Jupyter|technical|jupyter notebooks
AWS|technical|amazon web services
Google Cloud|technical|gcp,google cloud platform
Microsoft Azure|technical|azure
Cloudflare Workers|technical|cloudflare
Docker|technical|containers
Kubernetes|technical|k8s,kube
Helm|technical|
Terraform|technical|
Ansible|technical|
Pulumi|technical|
CI/CD|technical|ci,cd,continuous integration,continuous delivery
GitHub Actions|technical|
Jenkins|technical|
GitLab CI|technical|
Git|technical|github,gitlab,version control
Linux|technical|unix
Nginx|technical|
Prometheus|technical|
Grafana|technical|
Datadog|technical|
Observability|technical|monitoring
Site Reliability Engineering|technical|sre
DevOps|technical|
Microservices|technical|microservice architecture
Serverless|technical|aws lambda,lambda
System Design|technical|distributed systems
Networking|technical|tcp/ip,computer networking
Cybersecurity|technical|information security,infosec,security
Penetration Testing|technical|pentesting,pen testing
OWASP|technical|web security
Identity and Access Management|technical|iam
OAuth|technical|oauth2,openid connect,oidc
Cryptography|technical|
SIEM|technical|
Incident Response|technical|
Unit Testing|technical|
Test Automation|technical|automated testing
Playwright|technical|
Cypress|technical|
Selenium|technical|
Jest|technical|
Vitest|technical|
QA Testing|technical|quality assurance,qa,manual testing
Accessibility|technical|a11y,wcag
Web Performance|technical|performance optimization
Embedded Systems|technical|embedded,firmware
Arduino|technical|
Raspberry Pi|technical|
FPGA|technical|
Verilog|technical|
PLC Programming|technical|plc
AutoCAD|technical|
SolidWorks|technical|
Revit|technical|
CAD|technical|computer-aided design
3D Modeling|technical|3d modelling
Blender|technical|
Salesforce|technical|sfdc
HubSpot|technical|
SAP|technical|sap erp
ERP Systems|technical|erp
Jira|technical|
Confluence|technical|
Figma|technical|
Sketch|technical|
Adobe Photoshop|technical|photoshop
Adobe Illustrator|technical|illustrator
Adobe InDesign|technical|indesign
Adobe XD|technical|
Adobe Premiere Pro|technical|premiere pro,premiere
After Effects|technical|adobe after effects
Final Cut Pro|technical|
WordPress|technical|
Shopify|technical|
Webflow|technical|
QuickBooks|technical|
Xero|technical|
Epic EHR|technical|epic,epic systems
Cerner|technical|
Electronic Health Records|technical|ehr,emr,electronic medical records
Microsoft Office|technical|ms office,office 365,microsoft 365
Google Workspace|technical|g suite,gsuite
UI Design|domain|user interface design,ui
UX Design|domain|user experience,ux
UX Research|domain|user research
Interaction Design|domain|
Product Design|domain|
Graphic Design|domain|
Visual Design|domain|
Brand Identity|domain|branding
Typography|domain|
Illustration|domain|
Motion Graphics|domain|motion design
Video Editing|domain|
Photography|domain|
Design Systems|domain|design system
Wireframing|domain|wireframes
Prototyping|domain|
Product Management|domain|pm,product manager
Product Strategy|domain|
Roadmapping|domain|product roadmap
Agile|domain|agile methodologies
Scrum|domain|scrum master
Kanban|domain|
Project Management|domain|
PMP|domain|project management professional
Program Management|domain|
Stakeholder Management|domain|
Business Analysis|domain|business analyst
Requirements Gathering|domain|requirements analysis
Process Improvement|domain|continuous improvement
Lean Six Sigma|domain|six sigma,lean
Operations Management|domain|operations
Supply Chain Management|domain|supply chain,scm
Logistics|domain|
Inventory Management|domain|
Procurement|domain|purchasing
Vendor Management|domain|
Warehouse Operations|domain|warehousing
Forklift Operation|domain|forklift
Quality Control|domain|qc
Manufacturing|domain|
Financial Analysis|domain|
Financial Modeling|domain|financial modelling
Accounting|domain|
Bookkeeping|domain|
Accounts Payable|domain|ap
Accounts Receivable|domain|ar
Payroll|domain|
Budgeting|domain|budget management
Forecasting|domain|financial forecasting
Auditing|domain|audit,internal audit
Tax Preparation|domain|tax
GAAP|domain|us gaap
IFRS|domain|
Corporate Finance|domain|
Investment Banking|domain|
Valuation|domain|dcf
Risk Management|domain|
Compliance|domain|regulatory compliance
Anti-Money Laundering|domain|aml,kyc
CPA|domain|certified public accountant
CFA|domain|chartered financial analyst
Financial Reporting|domain|
FP&A|domain|financial planning and analysis
Sales|domain|selling
B2B Sales|domain|b2b
B2C Sales|domain|b2c,retail sales
Account Management|domain|account manager
Business Development|domain|bizdev
Lead Generation|domain|prospecting
Cold Calling|domain|
Negotiation|soft|
Customer Relationship Management|domain|crm
Sales Forecasting|domain|
Pipeline Management|domain|sales pipeline
SaaS Sales|domain|
Key Account Management|domain|
Customer Success|domain|
Customer Service|domain|customer support
Technical Support|domain|help desk,it support
Call Center|domain|contact center
Marketing|domain|
Digital Marketing|domain|online marketing
Content Marketing|domain|
Content Writing|domain|content creation
Copywriting|domain|
Technical Writing|domain|documentation
Editing|domain|proofreading
Social Media Marketing|domain|social media,smm
Search Engine Optimization|domain|seo
Search Engine Marketing|domain|sem,ppc,google ads
Email Marketing|domain|
Marketing Automation|domain|
Google Analytics|domain|ga4
Brand Management|domain|
Public Relations|domain|pr
Event Planning|domain|event management
Market Research|domain|
Growth Marketing|domain|growth hacking
Product Marketing|domain|
Registered Nurse|domain|rn,registered nursing
Nursing|domain|
Patient Care|domain|
Critical Care|domain|icu,intensive care
Emergency Medicine|domain|emergency room,er
Pediatrics|domain|paediatrics
Geriatrics|domain|elder care
Medication Administration|domain|
Phlebotomy|domain|
Vital Signs|domain|vital signs monitoring
Wound Care|domain|
BLS|domain|basic life support,cpr
ACLS|domain|advanced cardiac life support
Infection Control|domain|
Triage|domain|
Patient Education|domain|
Care Planning|domain|care plans
Medical Terminology|domain|
Medical Coding|domain|icd-10,cpt coding
Medical Billing|domain|
HIPAA|domain|hipaa compliance
Clinical Research|domain|clinical trials
Pharmacology|domain|
Physical Therapy|domain|physiotherapy
Mental Health|domain|behavioral health
Counseling|domain|counselling
Social Work|domain|
Case Management|domain|
Home Health Care|domain|home care
Surgery|domain|surgical nursing,operating room
Radiology|domain|
Laboratory Skills|domain|lab techniques
Teaching|domain|instruction
Lesson Planning|domain|lesson plans
Curriculum Development|domain|curriculum design
Classroom Management|domain|
Differentiated Instruction|domain|
Special Education|domain|sped
Early Childhood Education|domain|early years
STEM Education|domain|
Educational Technology|domain|edtech
Tutoring|domain|
Student Assessment|domain|assessment
Instructional Design|domain|
E-Learning|domain|elearning,online learning
Learning Management Systems|domain|lms,moodle,canvas lms
Training and Development|domain|corporate training
Adult Education|domain|
Mentoring|soft|coaching
Recruiting|domain|recruitment,talent acquisition
Sourcing|domain|candidate sourcing
Interviewing|domain|
Onboarding|domain|
Human Resources|domain|hr
Employee Relations|domain|
Compensation and Benefits|domain|benefits administration
HRIS|domain|workday
Performance Management|domain|
Labor Law|domain|employment law
Contract Law|domain|contracts
Legal Research|domain|
Litigation|domain|
Paralegal|domain|
Corporate Law|domain|
Intellectual Property|domain|ip law
GDPR|domain|data protection
Real Estate|domain|
Property Management|domain|
Construction Management|domain|
Carpentry|domain|
Electrical Wiring|domain|electrician
Plumbing|domain|
HVAC|domain|
Welding|domain|
Blueprint Reading|domain|
OSHA|domain|workplace safety,health and safety
Civil Engineering|domain|
Mechanical Engineering|domain|
Electrical Engineering|domain|
Structural Engineering|domain|
Chemical Engineering|domain|
Hospitality|domain|
Food Safety|domain|servsafe
Cooking|domain|culinary arts
Food Service|domain|food and beverage
Bartending|domain|
Housekeeping|domain|
Front Desk|domain|reception
Cash Handling|domain|cashier
Point of Sale|domain|pos
Merchandising|domain|visual merchandising
Retail Management|domain|store management
Driving|domain|commercial driving,cdl
Customer Experience|domain|cx
Data Entry|domain|
Administrative Support|domain|office administration,admin support
Scheduling|domain|calendar management
Communication|soft|communication skills,verbal communication
Written Communication|soft|writing
Public Speaking|soft|presentations,presentation skills
Leadership|soft|team leadership
People Management|soft|team management,managing people
Teamwork|soft|collaboration
Problem Solving|soft|problem-solving
Critical Thinking|soft|
Time Management|soft|
Organization|soft|organizational skills
Attention to Detail|soft|detail oriented,detail-oriented
Adaptability|soft|flexibility
Creativity|soft|
Empathy|soft|
Conflict Resolution|soft|
Decision Making|soft|decision-making
Emotional Intelligence|soft|
Customer Focus|soft|customer orientation
Multitasking|soft|
Work Ethic|soft|
Strategic Planning|soft|strategy
Cross-functional Collaboration|soft|cross functional
English|language|english language
Spanish|language|espanol,castellano
French|language|francais
German|language|deutsch
Italian|language|
Portuguese|language|
Mandarin Chinese|language|mandarin,chinese
Cantonese|language|
Japanese|language|
Korean|language|
Arabic|language|
Hindi|language|
Russian|language|
Dutch|language|
Polish|language|
Turkish|language|
Vietnamese|language|
Tagalog|language|filipino
American Sign Language|language|asl,sign language
`;

export interface CatalogSkill {
  name: string;
  category: 'technical' | 'soft' | 'language' | 'domain';
  aliases: string[];
}

export const SKILLS_CATALOG: CatalogSkill[] = CATALOG.trim()
  .split('\n')
  .map((line) => {
    const [name = '', category = '', aliases = ''] = line.split('|');
    return {
      name: name.trim(),
      category: category.trim() as CatalogSkill['category'],
      aliases: aliases
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    };
  });
