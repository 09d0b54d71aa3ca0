/** Word lists the entity and speaker rules read. Lowercased; each is data, not logic. */

/** Words that end a title before a person's name: "Defense Minister", "Sen.", "Chairwoman". */
export const TITLE_HEADS = new Set([
  'president', 'vice-president', 'minister', 'secretary', 'senator', 'sen', 'sen.', 'rep', 'rep.', 'representative',
  'governor', 'gov', 'gov.', 'mayor', 'chairman', 'chairwoman', 'chair', 'chairperson', 'director', 'commissioner',
  'spokesman', 'spokeswoman', 'spokesperson', 'general', 'gen', 'gen.', 'colonel', 'col', 'col.', 'captain', 'capt.',
  'judge', 'justice', 'ambassador', 'chancellor', 'premier', 'king', 'queen', 'prince', 'princess', 'pope', 'sheikh',
  'chief', 'officer', 'leader', 'speaker', 'attorney', 'prosecutor', 'inspector', 'sergeant', 'sgt', 'sgt.',
  'lieutenant', 'lt', 'lt.', 'major', 'admiral', 'professor', 'prof', 'prof.', 'dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.',
  'ms', 'ms.', 'miss', 'ceo', 'executive', 'founder', 'head', 'commander', 'candidate', 'nominee', 'councillor',
  'councilor', 'councilman', 'councilwoman', 'congressman', 'congresswoman', 'lawmaker', 'mp', 'treasurer', 'coach',
  'bishop', 'archbishop', 'cardinal', 'rev', 'rev.', 'reverend', 'father', 'sister', 'brother', 'sir', 'dame', 'lord',
  'lady', 'emir', 'sultan', 'ayatollah', 'marshal', 'sheriff', 'detective', 'constable', 'superintendent', 'deputy',
  'adviser', 'advisor', 'analyst', 'economist', 'strategist', 'manager', 'editor', 'correspondent', 'reporter',
  'host', 'anchor', 'author', 'activist', 'physician', 'doctor', 'scientist', 'researcher', 'trooper', 'officer',
  'agent', 'lawyer', 'chief-of-staff', 'whip', 'delegate', 'envoy', 'consul', 'mufti', 'imam', 'rabbi', 'pastor',
  'assemblyman', 'assemblywoman', 'alderman', 'provost', 'dean', 'principal', 'president-elect', 'frontrunner',
  'businessman', 'businesswoman', 'billionaire', 'philanthropist', 'actor', 'actress', 'singer', 'star', 'player',
]);

/** Honorifics that make the following name a person. */
export const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'sir', 'dame', 'lord', 'lady']);
export const FEMALE_MARKERS = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dame', 'lady', 'queen', 'princess', 'chairwoman',
  'spokeswoman', 'congresswoman', 'councilwoman', 'assemblywoman', 'businesswoman', 'actress', 'sister']);

/** Words inside a proper-noun run that make it an organisation. */
export const ORGANIZATION_WORDS = new Set([
  'ministry', 'party', 'forces', 'force', 'army', 'navy', 'agency', 'committee', 'commission', 'council', 'court',
  'department', 'office', 'service', 'services', 'police', 'government', 'union', 'bank', 'inc', 'inc.', 'corp',
  'corp.', 'co', 'co.', 'ltd', 'ltd.', 'llc', 'plc', 'group', 'association', 'university', 'college', 'institute',
  'organization', 'organisation', 'foundation', 'news', 'times', 'post', 'journal', 'reuters', 'press', 'campaign',
  'senate', 'house', 'congress', 'parliament', 'assembly', 'board', 'authority', 'bureau', 'company', 'corporation',
  'network', 'coalition', 'alliance', 'federation', 'league', 'movement', 'front', 'guard', 'guards', 'brigade',
  'brigades', 'fund', 'trust', 'administration', 'cabinet', 'senate', 'tribunal', 'secretariat', 'embassy',
  'consulate', 'hospital', 'center', 'centre', 'club', 'fbi', 'cia', 'nato', 'un', 'eu', 'who', 'isis', 'isil',
  'taliban', 'hamas', 'hezbollah', 'kremlin', 'pentagon', 'white', 'wing', 'channel', 'tv', 'radio', 'television',
  'airlines', 'airways', 'railways', 'ministries', 'republicans', 'democrats', 'mission', 'command', 'watch',
  'observatory', 'unit', 'squad', 'society', 'institution', 'exchange', 'reserve', 'treasury', 'cdc', 'npr', 'cnn', 'archive',
  'bbc', 'abc', 'nbc', 'cbs', 'afp', 'ap', 'msnbc', 'fox', 'politico', 'gazette', 'herald', 'tribune', 'daily',
  'conference', 'convention', 'programme', 'program', 'initiative', 'project', 'academy', 'laboratory',
  'museum', 'library', 'school', 'chamber', 'cooperative', 'consortium', 'partnership', 'summit', 'forum', 'panel',
]);

/** Common places, so "Islamabad said" reads as a government speaking and "Pakistan" is not a person. */
export const PLACES = new Set(`afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain
bangladesh belarus belgium bolivia bosnia brazil bulgaria burma cambodia cameroon canada chad chile china colombia congo
croatia cuba cyprus czechia denmark ecuador egypt england eritrea estonia ethiopia finland france georgia germany ghana
greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
kazakhstan kenya korea kosovo kuwait kyrgyzstan laos latvia lebanon liberia libya lithuania luxembourg madagascar malawi
malaysia mali malta mexico moldova mongolia montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua niger
nigeria norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan
tanzania thailand tunisia turkey türkiye turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen
zambia zimbabwe america britain europe africa asia gaza crimea kashmir tibet hong kong
kabul islamabad delhi beijing moscow kyiv kiev washington london paris berlin tokyo tehran baghdad damascus cairo
ankara istanbul doha riyadh jerusalem beirut karachi lahore kandahar peshawar quetta mumbai seoul pyongyang manila
jakarta bangkok hanoi canberra sydney ottawa toronto brussels geneva rome madrid lisbon vienna warsaw prague budapest
athens stockholm oslo helsinki copenhagen dublin edinburgh nairobi lagos johannesburg addis khartoum tripoli tunis
algiers rabat caracas bogota lima santiago havana brasilia
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa
kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada
ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming york jersey carolina dakota
hampshire mexico chicago boston philadelphia houston dallas miami atlanta seattle detroit denver baltimore brooklyn
waziristan punjab balochistan sindh khyber`.split(/\s+/).filter(Boolean));

/** Places of more than one word, which a proper-noun run would otherwise read as a person's name. */
export const MULTIWORD_PLACES = new Set(['united states', 'united kingdom', 'united arab emirates', 'el paso', 'new york', 'new jersey',
  'new mexico', 'new hampshire', 'new orleans', 'new delhi', 'new zealand', 'los angeles', 'las vegas', 'san francisco',
  'san diego', 'san antonio', 'san jose', 'santa fe', 'st. louis', 'saint petersburg', 'st. petersburg', 'hong kong',
  'saudi arabia', 'south africa', 'north korea', 'south korea', 'sri lanka', 'costa rica', 'puerto rico', 'el salvador',
  'sierra leone', 'ivory coast', 'burkina faso', 'north carolina', 'south carolina', 'north dakota', 'south dakota',
  'west virginia', 'rhode island', 'rio grande', 'rio de janeiro', 'buenos aires', 'mexico city', 'kuala lumpur',
  'tel aviv', 'abu dhabi', 'ciudad juárez', 'ciudad juarez', 'cape town', 'kansas city', 'salt lake city',
  'washington d.c.', 'capitol hill', 'wall street', 'silicon valley', 'middle east', 'gaza strip', 'west bank']);

/** Heads of noun phrases that make an anonymous source: "sources said", "one security source noted". */
export const ANONYMOUS_HEADS = new Set([
  'source', 'sources', 'official', 'officials', 'aide', 'aides', 'diplomat', 'diplomats', 'insider', 'insiders',
  'person', 'people', 'witness', 'witnesses', 'resident', 'residents', 'analyst', 'analysts', 'expert', 'experts',
  'observer', 'observers', 'critic', 'critics', 'supporter', 'supporters', 'opponent', 'opponents', 'staffer',
  'staffers', 'adviser', 'advisers', 'advisor', 'advisors', 'associate', 'associates', 'ally', 'allies', 'lawmakers',
  'member', 'members', 'employee', 'employees', 'investigator', 'investigators', 'authorities', 'police',
  'spokesman', 'spokeswoman', 'spokesperson', 'report', 'reports', 'media', 'reporters', 'officers', 'doctors',
  'rescuers', 'scientists', 'researchers', 'economists', 'activists', 'protesters', 'organizers', 'organisers',
  'democrats', 'republicans', 'voters', 'polls', 'poll', 'survey', 'study', 'statement', 'documents', 'records',
  'eyewitness', 'eyewitnesses', 'bystander', 'bystanders', 'onlooker', 'onlookers', 'writer', 'complaint', 'accounts',
  'reporter', 'neighbor', 'neighbors', 'neighbour', 'neighbours', 'relatives', 'friends', 'colleagues', 'insider',
]);

export const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);
export const PLURAL_PRONOUNS = new Set(['they', 'them', 'we']);

/** Leading words a claim or reported content drops: "However, the Afghan side ..." */
export const DISCOURSE_OPENERS = /^(?:however|meanwhile|moreover|furthermore|also|still|but|and|yet|instead|nevertheless|nonetheless|separately|additionally|further|in addition|at the same time|in response|on the other hand)\s*,?\s+/i;

/** Words that make a proper-noun run a place: "Kandahar province", "North Waziristan". */
export const GEOGRAPHIC_WORDS = new Set(['province', 'state', 'city', 'region', 'river', 'island', 'islands', 'street',
  'square', 'airport', 'station', 'bridge', 'mountain', 'mountains', 'valley', 'county', 'district', 'ocean', 'sea',
  'lake', 'park', 'bay', 'gulf', 'peninsula', 'desert', 'border', 'coast', 'village', 'town', 'avenue', 'road', 'mall',
  'plaza', 'boulevard', 'highway', 'county']);

/** Words that keep a proper-noun run from being a person: "Doha Agreement", "World Cup". */
export const NON_PERSON_WORDS = new Set(['agreement', 'accord', 'accords', 'treaty', 'act', 'bill', 'law', 'day', 'war',
  'cup', 'games', 'olympics', 'summit', 'conference', 'festival', 'award', 'prize', 'hotel', 'mosque', 'church',
  'temple', 'stadium', 'hall', 'tower', 'program', 'programme', 'project', 'plan', 'initiative', 'operation', 'code',
  'constitution', 'amendment', 'report', 'index', 'street', 'market', 'week', 'month', 'year', 'election', 'elections']);
