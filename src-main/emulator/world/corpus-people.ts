/** Names and places used to synthesise people and audience demographics. */

/** First names, deliberately international and with accents so clients exercise Unicode. */
export const FIRST_NAMES: readonly string[] = [
  'Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Lucas', 'Mia', 'Léa', 'Hugo', 'Chloé',
  'Zoë', 'José', 'Inês', 'João', 'Sofía', 'Mateo', 'Valentina', 'Diego', 'Camila', 'Lucía',
  'Søren', 'Freja', 'Björn', 'Astrid', 'Łukasz', 'Zofia', 'Jakub', 'Anna', 'Mei', 'Hana',
  'Yuki', 'Kenji', 'Ananya', 'Arjun', 'Priya', 'Rohan', 'Aisha', 'Omar', 'Layla', 'Yusuf',
  'Noémie', 'Théo', 'Amélie', 'Raphaël', 'Greta', 'Felix', 'Marta', 'Nico', 'Elif', 'Emre',
  'Grace', 'Jack', 'Ruby', 'Oscar', 'Isla', 'Leo', 'Maya', 'Sam', 'Nora', 'Ben',
  'Chiara', 'Lorenzo', 'Giulia', 'Matteo', 'Fatima', 'Ibrahim', 'Tariq', 'Nadia', 'Kofi', 'Ama',
  'Siobhán', 'Niamh', 'Ciarán', 'Tomás', 'Ingrid', 'Lars', 'Katarzyna', 'Dominik', 'Eszter', 'Bence',
];

/** Last names. */
export const LAST_NAMES: readonly string[] = [
  'Martin', 'Bernard', 'Dubois', 'García', 'Fernández', 'López', 'Silva', 'Santos', 'Costa', 'Müller',
  'Schmidt', 'Schneider', 'Fischer', 'Kowalski', 'Nowak', 'Wiśniewska', 'Jensen', 'Nielsen', 'Andersson', 'Lindqvist',
  'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Walker', 'Wright', 'Thompson',
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Tanaka', 'Suzuki', 'Sato', 'Kim',
  'Park', 'Chen', 'Wang', 'Li', 'Nguyen', 'Tran', 'Sharma', 'Patel', 'Gupta', 'Khan',
  'Yılmaz', 'Kaya', 'Demir', 'O’Brien', 'Murphy', 'Kelly', 'Novák', 'Horváth', 'Mensah', 'Okafor',
];

/** Username prefixes, to get realistic handles like "the.mika", "heyjonas" (mostly none). */
export const USERNAME_PREFIXES: readonly string[] = ['', '', '', '', 'the.', 'its', 'hey', 'mx.', 'just'];
/** Username suffixes, e.g. "lea.dubois_", "mika92" (mostly none). */
export const USERNAME_SUFFIXES: readonly string[] = [
  '', '', '', '_', '__', '.x', '92', '88', '07', '1', '_art', '.studio', '.eats', '_travels', 'makes', '.co', '_photo',
];

/** Cities in Meta's "City, Region" label format with ISO country code and a popularity weight. */
export const CITIES: ReadonlyArray<readonly [string, string, number]> = [
  ['London, England', 'GB', 30], ['Manchester, England', 'GB', 9], ['Bristol, England', 'GB', 7],
  ['Edinburgh, Scotland', 'GB', 6], ['Dublin, Dublin', 'IE', 8], ['Paris, Île-de-France', 'FR', 14],
  ['Lyon, Auvergne-Rhône-Alpes', 'FR', 5], ['Berlin, Berlin', 'DE', 12], ['Munich, Bavaria', 'DE', 6],
  ['Hamburg, Hamburg', 'DE', 5], ['Amsterdam, North Holland', 'NL', 9], ['Rotterdam, South Holland', 'NL', 3],
  ['Brussels, Brussels', 'BE', 4], ['Madrid, Comunidad de Madrid', 'ES', 8], ['Barcelona, Catalonia', 'ES', 9],
  ['Lisbon, Lisbon District', 'PT', 6], ['Porto, Porto District', 'PT', 4], ['Milan, Lombardy', 'IT', 7],
  ['Rome, Lazio', 'IT', 6], ['Copenhagen, Capital Region of Denmark', 'DK', 5], ['Stockholm, Stockholm County', 'SE', 5],
  ['Oslo, Oslo', 'NO', 3], ['Helsinki, Uusimaa', 'FI', 2], ['Warsaw, Masovian Voivodeship', 'PL', 5],
  ['Kraków, Lesser Poland Voivodeship', 'PL', 3], ['Prague, Prague', 'CZ', 3], ['Vienna, Vienna', 'AT', 4],
  ['Zürich, Zurich', 'CH', 3], ['Budapest, Budapest', 'HU', 2], ['Istanbul, Istanbul Province', 'TR', 4],
  ['New York, New York', 'US', 16], ['Los Angeles, California', 'US', 10], ['San Francisco, California', 'US', 6],
  ['Chicago, Illinois', 'US', 6], ['Austin, Texas', 'US', 4], ['Seattle, Washington', 'US', 4],
  ['Portland, Oregon', 'US', 3], ['Brooklyn, New York', 'US', 5], ['Toronto, Ontario', 'CA', 7],
  ['Montreal, Quebec', 'CA', 5], ['Vancouver, British Columbia', 'CA', 4], ['Mexico City, Distrito Federal', 'MX', 5],
  ['São Paulo, São Paulo (state)', 'BR', 6], ['Rio de Janeiro, Rio de Janeiro (state)', 'BR', 3],
  ['Buenos Aires, Buenos Aires', 'AR', 3], ['Sydney, New South Wales', 'AU', 6], ['Melbourne, Victoria', 'AU', 6],
  ['Auckland, Auckland Region', 'NZ', 2], ['Tokyo, Tokyo', 'JP', 5], ['Seoul, Seoul', 'KR', 3],
  ['Singapore, Singapore', 'SG', 3], ['Mumbai, Maharashtra', 'IN', 4], ['Bangalore, Karnataka', 'IN', 3],
  ['Dubai, Dubai', 'AE', 3], ['Cape Town, Western Cape', 'ZA', 2], ['Lagos, Lagos State', 'NG', 2],
  ['Athens, Attica', 'GR', 2], ['Tel Aviv, Tel Aviv District', 'IL', 2], ['Bucharest, Bucharest', 'RO', 2],
  ['Ghent, East Flanders', 'BE', 2],
];

/** Extra countries with no listed city, so the country breakdown reaches its 45-bucket cap. */
export const EXTRA_COUNTRIES: ReadonlyArray<readonly [string, number]> = [
  ['SK', 1], ['SI', 1], ['HR', 1.5], ['RS', 1], ['BG', 1], ['LT', 1], ['LV', 0.8], ['EE', 0.8], ['IS', 0.5],
  ['LU', 0.7], ['MT', 0.5], ['CY', 0.5], ['CL', 1.2], ['CO', 1.4], ['PE', 0.9], ['TH', 1.1], ['MY', 1], ['PH', 1.3],
  ['ID', 1.5], ['VN', 0.8], ['EG', 0.9], ['MA', 1], ['KE', 0.7], ['SA', 1],
];

/** Age buckets as Meta labels them. */
export const AGE_BUCKETS: readonly string[] = ['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
