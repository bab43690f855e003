/** Word lists for the demo data. Invented companies; free-mail domains are the common real ones. */

// prettier-ignore
export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Christopher', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra',
  'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul', 'Emily', 'Andrew', 'Donna', 'Joshua', 'Michelle',
  'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Melissa', 'George', 'Deborah', 'Timothy', 'Stephanie',
  'Priya', 'Arjun', 'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Carlos', 'Sofia', 'Mateo', 'Valentina',
  'Lukas', 'Hannah', 'Noah', 'Emma', 'Liam', 'Olivia', 'Aisha', 'Omar', 'Fatima', 'Yusuf',
  'Chloe', 'Lucas', 'Léa', 'Hugo', 'Ingrid', 'Lars', 'Freya', 'Sven', 'Anika', 'Rahul',
  'Zoe', 'Ethan', 'Grace', 'Nathan', 'Isabella', 'Samuel', 'Ava', 'Benjamin', 'Mia', 'Jacob',
  'Chen', 'Jin', 'Seo-yeon', 'Min-jun', 'Oluwaseun', 'Chidi', 'Amara', 'Kwame', 'Nia', 'Tariq',
  'Diego', 'Camila', 'Rafael', 'Beatriz', 'Joaquín', 'Lucía', 'Niamh', 'Declan', 'Siobhan', 'Ciarán',
  'Dmitri', 'Anastasia', 'Piotr', 'Zofia', 'Mehmet', 'Elif', 'Ravi', 'Ananya', 'Tomás', 'Inês',
];

// prettier-ignore
export const MIDDLE_NAMES = [
  'Marie', 'Ann', 'Lee', 'James', 'Lynn', 'Michael', 'Rose', 'Grace', 'Edward', 'Jo', 'Ray', 'Kay',
  'Alexander', 'Louise', 'Thomas', 'Jane', 'Paul', 'Elizabeth', 'Scott', 'Nicole',
];

// prettier-ignore
export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Patel', 'Shah', 'Kumar', 'Singh', 'Chen', 'Wang', 'Li', 'Zhang', 'Tanaka', 'Suzuki',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Dubois', 'Lefèvre', 'Moreau', 'Rossi', 'Bianchi',
  "O'Brien", "O'Connor", 'Murphy', 'Kelly', 'Byrne', 'Andersson', 'Johansson', 'Nielsen', 'Hansen', 'Larsen',
  'Kowalski', 'Nowak', 'Ivanov', 'Petrov', 'Yilmaz', 'Kaya', 'Okafor', 'Adeyemi', 'Mensah', 'Boateng',
  'Silva', 'Santos', 'Oliveira', 'Costa', 'Fernández', 'Gómez', 'Kim', 'Park', 'Choi', 'Sato',
  'Van der Berg', 'De Jong', 'McAllister', 'MacDonald', 'Fitzgerald', 'Al-Rashid', 'Haddad', 'Cohen', 'Levi', 'Friedman',
];

// prettier-ignore
export const NICKNAMES: Record<string, string> = {
  James: 'Jim', Robert: 'Bob', John: 'Johnny', Michael: 'Mike', William: 'Bill', Richard: 'Rick',
  Joseph: 'Joe', Thomas: 'Tom', Charles: 'Chuck', Christopher: 'Chris', Daniel: 'Dan', Matthew: 'Matt',
  Anthony: 'Tony', Elizabeth: 'Liz', Jennifer: 'Jen', Patricia: 'Pat', Margaret: 'Maggie', Kimberly: 'Kim',
  Stephanie: 'Steph', Benjamin: 'Ben', Samuel: 'Sam', Jessica: 'Jess', Deborah: 'Deb', Andrew: 'Andy',
  Timothy: 'Tim', Kenneth: 'Ken', Nathan: 'Nate', Isabella: 'Bella', Alexander: 'Alex', Dmitri: 'Dima',
};

/** [title, occupation] pairs: occupation is the broader job family a spreadsheet would carry. */
// prettier-ignore
export const TITLES: readonly (readonly [string, string])[] = [
  ['CEO', 'Executive'], ['Founder & CEO', 'Executive'], ['COO', 'Executive'], ['CFO', 'Finance'],
  ['CTO', 'Engineering'], ['VP of Sales', 'Sales'], ['VP Marketing', 'Marketing'], ['VP Engineering', 'Engineering'],
  ['Head of Growth', 'Marketing'], ['Head of Revenue Operations', 'Operations'], ['Director of Sales', 'Sales'],
  ['Director of Marketing', 'Marketing'], ['Director of IT', 'Information Technology'],
  ['Sales Operations Manager', 'Operations'], ['Account Executive', 'Sales'], ['Senior Account Executive', 'Sales'],
  ['Sales Development Representative', 'Sales'], ['Business Development Manager', 'Sales'],
  ['Marketing Manager', 'Marketing'], ['Demand Generation Manager', 'Marketing'], ['Product Manager', 'Product'],
  ['Senior Product Manager', 'Product'], ['Software Engineer', 'Engineering'], ['Staff Engineer', 'Engineering'],
  ['Data Analyst', 'Analytics'], ['Head of Data', 'Analytics'], ['Procurement Manager', 'Purchasing'],
  ['Office Manager', 'Administration'], ['HR Director', 'Human Resources'], ['Talent Acquisition Lead', 'Human Resources'],
  ['Customer Success Manager', 'Customer Success'], ['Head of Customer Success', 'Customer Success'],
  ['Operations Manager', 'Operations'], ['Controller', 'Finance'], ['General Counsel', 'Legal'],
  ['Chief Revenue Officer', 'Executive'], ['Partner', 'Executive'], ['Owner', 'Executive'],
  ['IT Manager', 'Information Technology'], ['Security Engineer', 'Engineering'],
];

// prettier-ignore
export const INDUSTRIES = [
  'Software', 'Manufacturing', 'Healthcare', 'Financial Services', 'Logistics', 'Retail', 'Education',
  'Real Estate', 'Construction', 'Marketing & Advertising', 'Consulting', 'Insurance', 'Telecommunications',
  'Hospitality', 'Legal Services', 'Biotechnology', 'Energy', 'Automotive', 'Food & Beverage', 'Media',
  'Nonprofit', 'Government', 'Staffing & Recruiting', 'E-commerce', 'Cybersecurity', 'Agriculture',
];

// prettier-ignore
export const COMPANY_WORDS = [
  'Acme', 'Bright', 'Blue', 'Silver', 'North', 'Summit', 'Harbor', 'Pioneer', 'Granite', 'Cedar',
  'Apex', 'Nimbus', 'Vertex', 'Lumen', 'Orbit', 'Keystone', 'Redwood', 'Atlas', 'Beacon', 'Crescent',
  'Evergreen', 'Falcon', 'Horizon', 'Ironclad', 'Juniper', 'Kestrel', 'Lighthouse', 'Meridian', 'Northwind', 'Oakridge',
  'Polar', 'Quantum', 'Riverstone', 'Sterling', 'Tidewater', 'Union', 'Vantage', 'Willow', 'Zenith', 'Copper',
  'Cobalt', 'Maple', 'Prairie', 'Sequoia', 'Tandem', 'Brightline', 'Clearpath', 'Driftwood', 'Everline', 'Fieldstone',
];

// prettier-ignore
export const COMPANY_SUFFIXES = [
  'Analytics', 'Systems', 'Labs', 'Logistics', 'Health', 'Partners', 'Manufacturing', 'Software', 'Group',
  'Capital', 'Foods', 'Energy', 'Robotics', 'Media', 'Dynamics', 'Networks', 'Supply', 'Consulting',
  'Solutions', 'Works', 'Industries', 'Security', 'Studios', 'Bio', 'Learning', 'Realty', 'Freight',
];

// prettier-ignore
export const FREE_MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'icloud.com', 'proton.me'];

export type Place = {
  city: string;
  state: string;
  country: string;
  region: string;
  timezone: string;
  /** '#' becomes a digit, 'A' a capital letter. */
  zip: string;
  /** '#' becomes a digit. */
  phone: string;
  legalSuffix: string;
};

// prettier-ignore
export const PLACES: readonly Place[] = [
  { city: 'New York', state: 'NY', country: 'USA', region: 'Northeast', timezone: 'America/New_York', zip: '100##', phone: '1 (212) ###-####', legalSuffix: 'Inc.' },
  { city: 'Philadelphia', state: 'PA', country: 'USA', region: 'Northeast', timezone: 'America/New_York', zip: '191##', phone: '1 (215) ###-####', legalSuffix: 'Inc.' },
  { city: 'Boston', state: 'MA', country: 'USA', region: 'Northeast', timezone: 'America/New_York', zip: '021##', phone: '1 (617) ###-####', legalSuffix: 'Inc.' },
  { city: 'Atlanta', state: 'GA', country: 'USA', region: 'Southeast', timezone: 'America/New_York', zip: '303##', phone: '1 (404) ###-####', legalSuffix: 'LLC' },
  { city: 'Miami', state: 'FL', country: 'USA', region: 'Southeast', timezone: 'America/New_York', zip: '331##', phone: '1 (305) ###-####', legalSuffix: 'LLC' },
  { city: 'Detroit', state: 'MI', country: 'USA', region: 'Midwest', timezone: 'America/Detroit', zip: '482##', phone: '1 (313) ###-####', legalSuffix: 'Inc.' },
  { city: 'Chicago', state: 'IL', country: 'USA', region: 'Midwest', timezone: 'America/Chicago', zip: '606##', phone: '1 (312) ###-####', legalSuffix: 'Inc.' },
  { city: 'Austin', state: 'TX', country: 'USA', region: 'South', timezone: 'America/Chicago', zip: '787##', phone: '1 (512) ###-####', legalSuffix: 'LLC' },
  { city: 'Dallas', state: 'TX', country: 'USA', region: 'South', timezone: 'America/Chicago', zip: '752##', phone: '1 (214) ###-####', legalSuffix: 'Inc.' },
  { city: 'Minneapolis', state: 'MN', country: 'USA', region: 'Midwest', timezone: 'America/Chicago', zip: '554##', phone: '1 (612) ###-####', legalSuffix: 'Inc.' },
  { city: 'Denver', state: 'CO', country: 'USA', region: 'Mountain West', timezone: 'America/Denver', zip: '802##', phone: '1 (303) ###-####', legalSuffix: 'LLC' },
  { city: 'Phoenix', state: 'AZ', country: 'USA', region: 'Southwest', timezone: 'America/Phoenix', zip: '850##', phone: '1 (602) ###-####', legalSuffix: 'Inc.' },
  { city: 'Salt Lake City', state: 'UT', country: 'USA', region: 'Mountain West', timezone: 'America/Denver', zip: '841##', phone: '1 (801) ###-####', legalSuffix: 'LLC' },
  { city: 'San Francisco', state: 'CA', country: 'USA', region: 'West Coast', timezone: 'America/Los_Angeles', zip: '941##', phone: '1 (415) ###-####', legalSuffix: 'Inc.' },
  { city: 'Los Angeles', state: 'CA', country: 'USA', region: 'West Coast', timezone: 'America/Los_Angeles', zip: '900##', phone: '1 (213) ###-####', legalSuffix: 'Inc.' },
  { city: 'Seattle', state: 'WA', country: 'USA', region: 'Pacific Northwest', timezone: 'America/Los_Angeles', zip: '981##', phone: '1 (206) ###-####', legalSuffix: 'Inc.' },
  { city: 'Portland', state: 'OR', country: 'USA', region: 'Pacific Northwest', timezone: 'America/Los_Angeles', zip: '972##', phone: '1 (503) ###-####', legalSuffix: 'LLC' },
  { city: 'Anchorage', state: 'AK', country: 'USA', region: 'Alaska', timezone: 'America/Anchorage', zip: '995##', phone: '1 (907) ###-####', legalSuffix: 'LLC' },
  { city: 'Honolulu', state: 'HI', country: 'USA', region: 'Hawaii', timezone: 'Pacific/Honolulu', zip: '968##', phone: '1 (808) ###-####', legalSuffix: 'LLC' },
  { city: 'Toronto', state: 'ON', country: 'Canada', region: 'Ontario', timezone: 'America/Toronto', zip: 'M#A #A#', phone: '1 (416) ###-####', legalSuffix: 'Ltd.' },
  { city: 'Vancouver', state: 'BC', country: 'Canada', region: 'British Columbia', timezone: 'America/Vancouver', zip: 'V#A #A#', phone: '1 (604) ###-####', legalSuffix: 'Ltd.' },
  { city: 'Mexico City', state: 'CDMX', country: 'Mexico', region: 'Central Mexico', timezone: 'America/Mexico_City', zip: '06###', phone: '+52 55 #### ####', legalSuffix: 'S.A. de C.V.' },
  { city: 'São Paulo', state: 'SP', country: 'Brazil', region: 'Southeast', timezone: 'America/Sao_Paulo', zip: '01###-###', phone: '+55 11 #####-####', legalSuffix: 'Ltda.' },
  { city: 'Buenos Aires', state: 'CABA', country: 'Argentina', region: 'Buenos Aires', timezone: 'America/Argentina/Buenos_Aires', zip: 'C1###', phone: '+54 11 ####-####', legalSuffix: 'S.A.' },
  { city: 'London', state: 'England', country: 'United Kingdom', region: 'Greater London', timezone: 'Europe/London', zip: 'EC#A #AA', phone: '+44 20 #### ####', legalSuffix: 'Ltd' },
  { city: 'Manchester', state: 'England', country: 'United Kingdom', region: 'North West', timezone: 'Europe/London', zip: 'M# #AA', phone: '+44 161 ### ####', legalSuffix: 'Ltd' },
  { city: 'Dublin', state: 'Leinster', country: 'Ireland', region: 'Dublin', timezone: 'Europe/Dublin', zip: 'D0# A#A#', phone: '+353 1 ### ####', legalSuffix: 'Ltd' },
  { city: 'Berlin', state: 'Berlin', country: 'Germany', region: 'Berlin', timezone: 'Europe/Berlin', zip: '10###', phone: '+49 30 ########', legalSuffix: 'GmbH' },
  { city: 'Munich', state: 'Bavaria', country: 'Germany', region: 'Upper Bavaria', timezone: 'Europe/Berlin', zip: '80###', phone: '+49 89 ########', legalSuffix: 'GmbH' },
  { city: 'Paris', state: 'Île-de-France', country: 'France', region: 'Île-de-France', timezone: 'Europe/Paris', zip: '750##', phone: '+33 1 ## ## ## ##', legalSuffix: 'SAS' },
  { city: 'Amsterdam', state: 'North Holland', country: 'Netherlands', region: 'Randstad', timezone: 'Europe/Amsterdam', zip: '10## AA', phone: '+31 20 ### ####', legalSuffix: 'B.V.' },
  { city: 'Madrid', state: 'Madrid', country: 'Spain', region: 'Community of Madrid', timezone: 'Europe/Madrid', zip: '280##', phone: '+34 91 ### ## ##', legalSuffix: 'S.L.' },
  { city: 'Stockholm', state: 'Stockholm', country: 'Sweden', region: 'Svealand', timezone: 'Europe/Stockholm', zip: '1## ##', phone: '+46 8 ### ### ##', legalSuffix: 'AB' },
  { city: 'Warsaw', state: 'Masovia', country: 'Poland', region: 'Masovian', timezone: 'Europe/Warsaw', zip: '0#-###', phone: '+48 22 ### ## ##', legalSuffix: 'Sp. z o.o.' },
  { city: 'Istanbul', state: 'Istanbul', country: 'Turkey', region: 'Marmara', timezone: 'Europe/Istanbul', zip: '34###', phone: '+90 212 ### ## ##', legalSuffix: 'A.Ş.' },
  { city: 'Dubai', state: 'Dubai', country: 'United Arab Emirates', region: 'Dubai', timezone: 'Asia/Dubai', zip: '', phone: '+971 4 ### ####', legalSuffix: 'FZ-LLC' },
  { city: 'Lagos', state: 'Lagos', country: 'Nigeria', region: 'South West', timezone: 'Africa/Lagos', zip: '1#####', phone: '+234 1 ### ####', legalSuffix: 'Ltd' },
  { city: 'Nairobi', state: 'Nairobi', country: 'Kenya', region: 'Nairobi', timezone: 'Africa/Nairobi', zip: '00###', phone: '+254 20 #######', legalSuffix: 'Ltd' },
  { city: 'Cape Town', state: 'Western Cape', country: 'South Africa', region: 'Western Cape', timezone: 'Africa/Johannesburg', zip: '8###', phone: '+27 21 ### ####', legalSuffix: '(Pty) Ltd' },
  { city: 'Bengaluru', state: 'Karnataka', country: 'India', region: 'South India', timezone: 'Asia/Kolkata', zip: '560###', phone: '+91 80 #### ####', legalSuffix: 'Pvt. Ltd.' },
  { city: 'Mumbai', state: 'Maharashtra', country: 'India', region: 'West India', timezone: 'Asia/Kolkata', zip: '400###', phone: '+91 22 #### ####', legalSuffix: 'Pvt. Ltd.' },
  { city: 'Singapore', state: 'Singapore', country: 'Singapore', region: 'Central', timezone: 'Asia/Singapore', zip: '0#####', phone: '+65 #### ####', legalSuffix: 'Pte. Ltd.' },
  { city: 'Tokyo', state: 'Tokyo', country: 'Japan', region: 'Kanto', timezone: 'Asia/Tokyo', zip: '1##-####', phone: '+81 3 #### ####', legalSuffix: 'K.K.' },
  { city: 'Seoul', state: 'Seoul', country: 'South Korea', region: 'Capital Area', timezone: 'Asia/Seoul', zip: '0####', phone: '+82 2 #### ####', legalSuffix: 'Co., Ltd.' },
  { city: 'Sydney', state: 'NSW', country: 'Australia', region: 'New South Wales', timezone: 'Australia/Sydney', zip: '2###', phone: '+61 2 #### ####', legalSuffix: 'Pty Ltd' },
  { city: 'Melbourne', state: 'VIC', country: 'Australia', region: 'Victoria', timezone: 'Australia/Melbourne', zip: '3###', phone: '+61 3 #### ####', legalSuffix: 'Pty Ltd' },
  { city: 'Auckland', state: 'Auckland', country: 'New Zealand', region: 'North Island', timezone: 'Pacific/Auckland', zip: '10##', phone: '+64 9 ### ####', legalSuffix: 'Ltd' },
];

/** Most contacts of a US-based sales team are in North America: weight the US places up. */
export const PLACE_WEIGHTS: readonly number[] = PLACES.map((place) => (place.country === 'USA' ? 6 : 2));

// prettier-ignore
export const STREETS = [
  'Main Street', 'Oak Avenue', 'Market Street', 'Apple Road', 'Harbor Drive', 'Elm Street', 'Park Avenue',
  'Mission Street', 'King Street', 'High Street', 'Station Road', 'Broadway', 'Pine Street', 'Lake Shore Drive',
  'Congress Avenue', 'Canal Street', 'Church Lane', 'Mill Road', 'River Road', 'Sunset Boulevard',
];

// prettier-ignore
export const SCHOOLS = [
  'Yale', 'Stanford University', 'University of Michigan', 'UC Berkeley', 'MIT', 'University of Texas at Austin',
  'New York University', 'Penn State', 'Georgia Tech', 'University of Washington', 'Boston University',
  'University of Toronto', 'London School of Economics', 'University of Oxford', 'TU Munich', 'Sciences Po',
  'IIT Bombay', 'National University of Singapore', 'University of Sydney', 'Universidad de Buenos Aires',
  'Arizona State University', 'Ohio State University', 'University of Florida', 'Northeastern University',
];

// prettier-ignore
export const DEGREES = ['Bachelors', 'Masters', 'MBA', 'PhD', 'BA', 'BS', 'BSc', 'MSc', 'Associate', 'JD'];

// prettier-ignore
export const GENDERS = ['Male', 'Female', 'Non-binary'];

// prettier-ignore
export const NOTES = [
  'Met at SaaStr; asked for a follow-up in Q3.',
  'Prefers email over calls.',
  'Budget cycle starts in January.',
  'Currently evaluating a competitor.',
  'Referred by an existing customer.',
  'Downloaded the pricing guide.',
  'Attended the webinar on deliverability.',
  'Wants a case study from their industry.',
  'Out of office until next month.',
  'Decision maker for the sales tooling budget.',
  'Reports to the VP of Sales.',
  'Asked to loop in procurement.',
  'Opened every email, never replied.',
  'Mentioned a team of 12 SDRs.',
  'Hiring for RevOps; good timing.',
  'Spoke briefly at the trade show booth.',
  'Prefers mornings, Eastern time.',
  'Follow up after their funding round.',
  'Interested in the API integration.',
  'Switched companies last year.',
];

// prettier-ignore
export const LEAD_SOURCES = ['LinkedIn', 'Webinar', 'Referral', 'Conference', 'Website', 'Cold List', 'Partner'];

// prettier-ignore
export const CONTACT_SOURCES = ['LinkedIn', 'CSV Import', 'API', 'Zapier', 'HubSpot', 'Salesforce', 'Manual'];

// prettier-ignore
export const PERSONAS = ['Economic buyer', 'Champion', 'Technical evaluator', 'End user', 'Gatekeeper'];
