import { isLower, isText, lexemeAt } from './lex.js';
import type { Lexeme } from './types.js';

/**
 * Units and currencies as data. `forms` are written as they appear in text; a form's pieces (split like the
 * lexer splits) must follow each other with no space except where the form itself has one. `unit` is the
 * normalised unit the mention reports.
 */
export type UnitType = 'currency' | 'percent' | 'measure' | 'time' | 'age' | 'times';
export interface UnitRule {
  id: string;
  forms: readonly string[];
  unit: string;
  type: UnitType;
  /** compare case-sensitively ("m" metre vs "M" million, "W" watt) */
  cs?: boolean;
  /** only when written right against the number ("5W", "37m") */
  attachedOnly?: boolean;
}

/** Currency markers written before the number ("$3.5bn", "US$5", "€20", "PS2.7m", "RM23.50", "USD10m"). */
export const CURRENCY_PREFIXES: readonly UnitRule[] = [
  { id: 'cur-usd-prefix', forms: ['US$', 'US $', '$US', 'U.S.$', 'USD'], unit: 'USD', type: 'currency', cs: true },
  { id: 'cur-aud-prefix', forms: ['A$', '$A', 'AU$', 'AU $', 'AUD'], unit: 'AUD', type: 'currency', cs: true },
  { id: 'cur-cad-prefix', forms: ['C$', 'C $', 'CA$', 'CA $', 'CAD', 'Can$', 'CDN$', 'Cdn$', 'CAD$'], unit: 'CAD', type: 'currency', cs: true },
  { id: 'cur-twd-prefix', forms: ['NT$', 'TWD'], unit: 'TWD', type: 'currency', cs: true },
  { id: 'cur-mxn-prefix', forms: ['MX$', 'MXN'], unit: 'MXN', type: 'currency', cs: true },
  { id: 'cur-hkd-prefix', forms: ['HK$', 'HK $', 'HKD'], unit: 'HKD', type: 'currency', cs: true },
  { id: 'cur-nzd-prefix', forms: ['NZ$', 'NZ $', 'NZD'], unit: 'NZD', type: 'currency', cs: true },
  { id: 'cur-sgd-prefix', forms: ['S$', 'SGD'], unit: 'SGD', type: 'currency', cs: true },
  { id: 'cur-brl-prefix', forms: ['R$', 'BRL'], unit: 'BRL', type: 'currency', cs: true },
  { id: 'cur-usd-symbol', forms: ['$'], unit: 'USD', type: 'currency' },
  { id: 'cur-eur-prefix', forms: ['€', 'EUR'], unit: 'EUR', type: 'currency', cs: true },
  { id: 'cur-gbp-prefix', forms: ['£', 'GBP', 'STG'], unit: 'GBP', type: 'currency', cs: true },
  // "PS" is how "£" survives some ASCII conversions ("PS2.7m"); only right against the digits
  { id: 'cur-gbp-ascii', forms: ['PS'], unit: 'GBP', type: 'currency', cs: true, attachedOnly: true },
  { id: 'cur-jpy-prefix', forms: ['¥', 'JP¥', 'JPY', 'Y='], unit: 'JPY', type: 'currency', cs: true },
  { id: 'cur-cny-prefix', forms: ['CN¥', 'RMB', 'CNY'], unit: 'CNY', type: 'currency', cs: true },
  { id: 'cur-inr-prefix', forms: ['₹', 'Rs', 'Rs.', 'INR'], unit: 'INR', type: 'currency', cs: true },
  { id: 'cur-myr-prefix', forms: ['RM', 'MYR'], unit: 'MYR', type: 'currency', cs: true, attachedOnly: true },
  { id: 'cur-ils-prefix', forms: ['₪', 'NIS', 'ILS'], unit: 'ILS', type: 'currency', cs: true },
  { id: 'cur-chf-prefix', forms: ['CHF', 'SFr'], unit: 'CHF', type: 'currency', cs: true },
  { id: 'cur-zar-prefix', forms: ['ZAR'], unit: 'ZAR', type: 'currency', cs: true },
  { id: 'cur-rub-prefix', forms: ['₽', 'RUB'], unit: 'RUB', type: 'currency', cs: true },
  { id: 'cur-krw-prefix', forms: ['₩', 'KRW'], unit: 'KRW', type: 'currency', cs: true },
  { id: 'cur-try-prefix', forms: ['₺', 'TRY'], unit: 'TRY', type: 'currency', cs: true },
  { id: 'cur-ngn-prefix', forms: ['₦', 'NGN'], unit: 'NGN', type: 'currency', cs: true },
  { id: 'cur-php-prefix', forms: ['₱'], unit: 'PHP', type: 'currency', cs: true },
  { id: 'cur-pkr-prefix', forms: ['PKR'], unit: 'PKR', type: 'currency', cs: true },
];

/**
 * Currency names and symbols written after the number ("9 billion yuan", "1,200€", "19 cents"). Symbols and
 * ISO codes normalise to the ISO code, and so do the dollar, euro and pound names; any other currency named in
 * words keeps its (plural) name: names are often shared between countries (crowns, rupees, pesos, francs) and
 * the text's own name is what a reader can check.
 */
export const CURRENCY_SUFFIXES: readonly UnitRule[] = [
  { id: 'cur-aud-name', forms: ['Australian dollars', 'Australian dollar', 'AUD'], unit: 'AUD', type: 'currency' },
  { id: 'cur-cad-name', forms: ['Canadian dollars', 'Canadian dollar', 'CAD'], unit: 'CAD', type: 'currency' },
  { id: 'cur-nzd-name', forms: ['New Zealand dollars', 'New Zealand dollar', 'NZD'], unit: 'NZD', type: 'currency' },
  { id: 'cur-hkd-name', forms: ['Hong Kong dollars', 'Hong Kong dollar', 'HKD'], unit: 'HKD', type: 'currency' },
  { id: 'cur-sgd-name', forms: ['Singapore dollars', 'Singapore dollar', 'SGD'], unit: 'SGD', type: 'currency' },
  { id: 'cur-usd-name', forms: ['US dollars', 'U.S. dollars', 'U.S. dlrs', 'dollars', 'dollar', 'dlrs', 'dlr', 'USD', 'bucks'], unit: 'USD', type: 'currency' },
  { id: 'cur-eur-name', forms: ['euros', 'euro', 'EUR', '€'], unit: 'EUR', type: 'currency' },
  { id: 'cur-gbp-name', forms: ['pounds sterling', 'sterling', 'stg', 'GBP', '£'], unit: 'GBP', type: 'currency' },
  { id: 'cur-jpy-code', forms: ['JPY', '¥'], unit: 'JPY', type: 'currency', cs: true },
  { id: 'cur-cny-code', forms: ['RMB', 'CNY'], unit: 'CNY', type: 'currency', cs: true },
  { id: 'cur-ils-code', forms: ['NIS', 'ILS'], unit: 'ILS', type: 'currency', cs: true },
  { id: 'cur-inr-code', forms: ['INR'], unit: 'INR', type: 'currency', cs: true },
  { id: 'cur-pkr-code', forms: ['PKR'], unit: 'PKR', type: 'currency', cs: true },
  { id: 'cur-dkk-code', forms: ['DKK'], unit: 'DKK', type: 'currency', cs: true },
  { id: 'cur-sek-code', forms: ['SEK'], unit: 'SEK', type: 'currency', cs: true },
  { id: 'cur-nok-code', forms: ['NOK'], unit: 'NOK', type: 'currency', cs: true },
  { id: 'cur-chf-code', forms: ['CHF'], unit: 'CHF', type: 'currency', cs: true },
  { id: 'cur-zar-code', forms: ['ZAR'], unit: 'ZAR', type: 'currency', cs: true },
  { id: 'cur-myr-code', forms: ['MYR'], unit: 'MYR', type: 'currency', cs: true },
  { id: 'cur-krw-code', forms: ['KRW'], unit: 'KRW', type: 'currency', cs: true },
  { id: 'cur-mxn-code', forms: ['MXN'], unit: 'MXN', type: 'currency', cs: true },
  { id: 'cur-brl-code', forms: ['BRL'], unit: 'BRL', type: 'currency', cs: true },
  { id: 'cur-rub-code', forms: ['RUB'], unit: 'RUB', type: 'currency', cs: true },
  { id: 'cur-aed-code', forms: ['AED'], unit: 'AED', type: 'currency', cs: true },
  { id: 'cur-sar-code', forms: ['SAR'], unit: 'SAR', type: 'currency', cs: true },
  { id: 'cur-btc-code', forms: ['BTC'], unit: 'BTC', type: 'currency', cs: true },
  { id: 'cur-yen-name', forms: ['yen'], unit: 'yen', type: 'currency' },
  { id: 'cur-yuan-name', forms: ['yuan', 'renminbi'], unit: 'yuan', type: 'currency' },
  { id: 'cur-shekel-name', forms: ['new shekels', 'shekels', 'shekel'], unit: 'shekels', type: 'currency' },
  { id: 'cur-pak-rupee-name', forms: ['Pakistani rupees', 'Pakistan rupees'], unit: 'Pakistani rupees', type: 'currency' },
  { id: 'cur-ind-rupee-name', forms: ['Indian rupees'], unit: 'Indian rupees', type: 'currency' },
  { id: 'cur-rupee-name', forms: ['rupees', 'rupee'], unit: 'rupees', type: 'currency' },
  { id: 'cur-afghani-name', forms: ['afghanis', 'afghani'], unit: 'afghanis', type: 'currency' },
  { id: 'cur-dan-crown-name', forms: ['Danish crowns', 'Danish kroner'], unit: 'Danish crowns', type: 'currency' },
  { id: 'cur-swe-crown-name', forms: ['Swedish crowns', 'Swedish kronor'], unit: 'Swedish crowns', type: 'currency' },
  { id: 'cur-nor-crown-name', forms: ['Norwegian crowns', 'Norwegian kroner'], unit: 'Norwegian crowns', type: 'currency' },
  { id: 'cur-cz-crown-name', forms: ['Czech crowns', 'koruna'], unit: 'Czech crowns', type: 'currency' },
  { id: 'cur-crown-name', forms: ['crowns', 'kronor', 'kroner', 'krona'], unit: 'crowns', type: 'currency' },
  { id: 'cur-swiss-franc-name', forms: ['Swiss francs'], unit: 'Swiss francs', type: 'currency' },
  { id: 'cur-franc-name', forms: ['francs'], unit: 'francs', type: 'currency' },
  { id: 'cur-rand-name', forms: ['rand'], unit: 'rand', type: 'currency' },
  { id: 'cur-ringgit-name', forms: ['ringgit'], unit: 'ringgit', type: 'currency' },
  { id: 'cur-won-name', forms: ['won'], unit: 'won', type: 'currency', cs: true },
  { id: 'cur-peso-name', forms: ['pesos', 'peso'], unit: 'pesos', type: 'currency' },
  { id: 'cur-real-name', forms: ['reais'], unit: 'reais', type: 'currency' },
  { id: 'cur-rouble-name', forms: ['roubles', 'rubles', 'rouble', 'ruble'], unit: 'roubles', type: 'currency' },
  { id: 'cur-lira-name', forms: ['Turkish lira', 'lira', 'liras'], unit: 'lira', type: 'currency' },
  { id: 'cur-naira-name', forms: ['naira'], unit: 'naira', type: 'currency' },
  { id: 'cur-dirham-name', forms: ['dirhams', 'dirham'], unit: 'dirhams', type: 'currency' },
  { id: 'cur-riyal-name', forms: ['riyals', 'riyal'], unit: 'riyals', type: 'currency' },
  { id: 'cur-baht-name', forms: ['baht'], unit: 'baht', type: 'currency' },
  { id: 'cur-bitcoin-name', forms: ['bitcoins', 'bitcoin'], unit: 'bitcoin', type: 'currency' },
  { id: 'cur-cent', forms: ['cents', 'cent', 'c'], unit: 'cent', type: 'currency', cs: true },
  { id: 'cur-sen', forms: ['sen'], unit: 'sen', type: 'currency', cs: true },
  { id: 'cur-pence', forms: ['pence', 'penny', 'pennies', 'p'], unit: 'pence', type: 'currency', cs: true },
];
/** Short forms that count as a unit only when written right against the digits ("50p", "19c", "4.3s", "5t"). */
const ATTACHED_ONLY_FORMS = new Set(['c', 'p', 't', 'g', 's', 'h', 'x', 'ms', 'L', 'l']);

export const PERCENT_UNITS: readonly UnitRule[] = [
  { id: 'pct-symbol', forms: ['%', 'per cent', 'percent', 'per-cent', 'pct', 'pc', 'p.c.'], unit: '%', type: 'percent' },
  { id: 'pct-points', forms: ['percentage points', 'percentage point', 'percent points', 'pp', 'ppts'], unit: 'percentage point', type: 'percent' },
  { id: 'pct-basis-points', forms: ['basis points', 'basis point', 'bps', 'bp'], unit: 'basis point', type: 'percent' },
];

export const MEASURE_UNITS: readonly UnitRule[] = [
  // speed before length, so "km/h" wins over "km"
  { id: 'speed-mph', forms: ['mph', 'm.p.h.', 'm.p.h', 'miles per hour', 'miles an hour', 'mile-per-hour', 'miles-per-hour'], unit: 'mph', type: 'measure' },
  { id: 'speed-kmh', forms: ['km/h', 'kmh', 'kph', 'km/hr', 'kilometres per hour', 'kilometers per hour', 'km per hour', 'kilometres an hour', 'kilometers an hour'], unit: 'km/h', type: 'measure' },
  { id: 'speed-ms', forms: ['m/s', 'metres per second', 'meters per second', 'metres a second', 'meters a second'], unit: 'm/s', type: 'measure' },
  { id: 'speed-knot', forms: ['knots', 'knot'], unit: 'knot', type: 'measure' },
  { id: 'area-km2', forms: ['square kilometres', 'square kilometers', 'square kilometre', 'square kilometer', 'sq km', 'km2', 'km²'], unit: 'km²', type: 'measure' },
  { id: 'area-m2', forms: ['square metres', 'square meters', 'square metre', 'square meter', 'sq m', 'sqm', 'sq metres', 'm2', 'm²'], unit: 'm²', type: 'measure' },
  { id: 'area-mi2', forms: ['square miles', 'square mile', 'sq mi'], unit: 'sq mi', type: 'measure' },
  { id: 'area-ft2', forms: ['square feet', 'square foot', 'sq ft', 'sq. ft.', 'sq-ft', 'sqft'], unit: 'sq ft', type: 'measure' },
  { id: 'area-acre', forms: ['acres', 'acre'], unit: 'acre', type: 'measure' },
  { id: 'area-hectare', forms: ['hectares', 'hectare', 'ha'], unit: 'ha', type: 'measure' },
  { id: 'vol-m3', forms: ['cubic metres', 'cubic meters', 'cubic metre', 'cubic meter', 'm3', 'm³'], unit: 'm³', type: 'measure' },
  { id: 'vol-ft3', forms: ['cubic feet', 'cubic foot', 'cu ft'], unit: 'cu ft', type: 'measure' },
  { id: 'len-km', forms: ['km', 'kilometres', 'kilometers', 'kilometre', 'kilometer', 'kms'], unit: 'km', type: 'measure' },
  { id: 'len-cm', forms: ['cm', 'centimetres', 'centimeters', 'centimetre', 'centimeter'], unit: 'cm', type: 'measure' },
  { id: 'len-mm', forms: ['mm', 'millimetres', 'millimeters', 'millimetre', 'millimeter'], unit: 'mm', type: 'measure' },
  { id: 'len-um', forms: ['μm', 'µm', 'micrometres', 'micrometers', 'microns', 'micron'], unit: 'μm', type: 'measure' },
  { id: 'len-nm', forms: ['nm', 'nanometres', 'nanometers'], unit: 'nm', type: 'measure', cs: true },
  { id: 'len-m', forms: ['metres', 'meters', 'metre', 'meter'], unit: 'm', type: 'measure' },
  { id: 'len-m-symbol', forms: ['m'], unit: 'm', type: 'measure', cs: true, attachedOnly: true },
  { id: 'len-nautical-mile', forms: ['nautical miles', 'nautical mile'], unit: 'nautical mile', type: 'measure' },
  { id: 'len-light-year', forms: ['light years', 'light-years', 'light year', 'light-year'], unit: 'light-year', type: 'measure' },
  { id: 'len-mile', forms: ['miles', 'mile', 'mi'], unit: 'mile', type: 'measure' },
  { id: 'len-ft', forms: ['feet', 'foot', 'ft'], unit: 'ft', type: 'measure' },
  { id: 'len-inch', forms: ['inches', 'inch', 'in.'], unit: 'inch', type: 'measure' },
  { id: 'len-yard', forms: ['yards', 'yard', 'yds', 'yd'], unit: 'yard', type: 'measure' },
  { id: 'vol-l', forms: ['litres', 'liters', 'litre', 'liter', 'ltr'], unit: 'L', type: 'measure' },
  { id: 'vol-l-symbol', forms: ['L', 'l'], unit: 'L', type: 'measure', cs: true, attachedOnly: true },
  { id: 'vol-ml', forms: ['ml', 'mL', 'millilitres', 'milliliters', 'millilitre', 'milliliter'], unit: 'ml', type: 'measure' },
  { id: 'vol-gallon', forms: ['gallons', 'gallon', 'gal'], unit: 'gallon', type: 'measure' },
  { id: 'vol-barrel', forms: ['barrels', 'barrel', 'bbl', 'bpd'], unit: 'barrel', type: 'measure' },
  { id: 'mass-kg', forms: ['kg', 'kgs', 'kilograms', 'kilogrammes', 'kilogram', 'kilos', 'kilo'], unit: 'kg', type: 'measure' },
  { id: 'mass-mg', forms: ['mg', 'milligrams', 'milligram'], unit: 'mg', type: 'measure' },
  { id: 'mass-g', forms: ['grams', 'gram', 'grammes', 'g'], unit: 'g', type: 'measure', cs: true },
  { id: 'mass-tonne', forms: ['tonnes', 'tonne', 'metric tons', 'metric tonnes', 't'], unit: 'tonne', type: 'measure', cs: true },
  { id: 'mass-ton', forms: ['tons', 'ton'], unit: 'ton', type: 'measure' },
  { id: 'mass-lb', forms: ['pounds', 'pound', 'lbs', 'lb'], unit: 'lb', type: 'measure' },
  { id: 'mass-oz', forms: ['ounces', 'ounce', 'oz'], unit: 'oz', type: 'measure' },
  { id: 'mass-carat', forms: ['carats', 'carat'], unit: 'carat', type: 'measure' },
  { id: 'temp-c', forms: ['°C', '° C', 'degrees Celsius', 'degrees C', 'degree Celsius', 'deg C', 'degC', 'Celsius', 'centigrade', 'degrees centigrade'], unit: '°C', type: 'measure' },
  { id: 'temp-f', forms: ['°F', '° F', 'degrees Fahrenheit', 'degrees F', 'degree Fahrenheit', 'deg F', 'degF', 'Fahrenheit'], unit: '°F', type: 'measure' },
  { id: 'angle-degree', forms: ['degrees', 'degree', '°'], unit: 'degree', type: 'measure' },
  { id: 'power-kw', forms: ['kW', 'kilowatts', 'kilowatt'], unit: 'kW', type: 'measure' },
  { id: 'power-mw', forms: ['MW', 'megawatts', 'megawatt'], unit: 'MW', type: 'measure' },
  { id: 'power-gw', forms: ['GW', 'gigawatts', 'gigawatt'], unit: 'GW', type: 'measure' },
  { id: 'power-w', forms: ['W', 'watts', 'watt'], unit: 'W', type: 'measure', cs: true },
  { id: 'energy-kwh', forms: ['kWh', 'kilowatt-hours', 'kilowatt hours', 'kilowatt-hour'], unit: 'kWh', type: 'measure' },
  { id: 'energy-mwh', forms: ['MWh', 'megawatt-hours', 'megawatt hours'], unit: 'MWh', type: 'measure' },
  { id: 'energy-gwh', forms: ['GWh', 'gigawatt-hours', 'gigawatt hours'], unit: 'GWh', type: 'measure' },
  { id: 'energy-twh', forms: ['TWh', 'terawatt-hours', 'terawatt hours'], unit: 'TWh', type: 'measure' },
  { id: 'energy-kcal', forms: ['kcal', 'calories', 'Calories', 'calorie'], unit: 'kcal', type: 'measure' },
  { id: 'power-bhp', forms: ['bhp', 'brake horsepower'], unit: 'bhp', type: 'measure' },
  { id: 'power-hp', forms: ['hp', 'horsepower'], unit: 'hp', type: 'measure' },
  { id: 'torque-lbft', forms: ['lb-ft', 'lb ft', 'pound-feet', 'pound-foot', 'foot-pounds'], unit: 'lb-ft', type: 'measure' },
  { id: 'torque-nm', forms: ['Nm', 'newton-metres', 'newton metres'], unit: 'Nm', type: 'measure', cs: true },
  { id: 'elec-kv', forms: ['kV', 'kilovolts', 'kilovolt'], unit: 'kV', type: 'measure', cs: true },
  { id: 'elec-v', forms: ['volts', 'volt', 'V'], unit: 'V', type: 'measure', cs: true },
  { id: 'elec-mah', forms: ['mAh'], unit: 'mAh', type: 'measure', cs: true },
  { id: 'data-tb', forms: ['TB', 'terabytes', 'terabyte'], unit: 'TB', type: 'measure' },
  { id: 'data-gb', forms: ['GB', 'gigabytes', 'gigabyte'], unit: 'GB', type: 'measure' },
  { id: 'data-mb', forms: ['MB', 'megabytes', 'megabyte'], unit: 'MB', type: 'measure' },
  { id: 'data-kb', forms: ['KB', 'kilobytes', 'kilobyte'], unit: 'KB', type: 'measure' },
  { id: 'rate-gbps', forms: ['Gbps', 'Gb/s'], unit: 'Gbps', type: 'measure' },
  { id: 'rate-mbps', forms: ['Mbps', 'Mb/s'], unit: 'Mbps', type: 'measure' },
  { id: 'freq-ghz', forms: ['GHz', 'gigahertz'], unit: 'GHz', type: 'measure' },
  { id: 'freq-mhz', forms: ['MHz', 'megahertz'], unit: 'MHz', type: 'measure' },
  { id: 'freq-khz', forms: ['kHz', 'kilohertz'], unit: 'kHz', type: 'measure' },
  { id: 'freq-hz', forms: ['Hz', 'hertz'], unit: 'Hz', type: 'measure' },
  { id: 'freq-rpm', forms: ['rpm', 'revolutions per minute'], unit: 'rpm', type: 'measure' },
  { id: 'pressure-gpa', forms: ['GPa', 'gigapascals', 'gigapascal'], unit: 'GPa', type: 'measure' },
  { id: 'pressure-mpa', forms: ['MPa', 'megapascals', 'megapascal'], unit: 'MPa', type: 'measure' },
  { id: 'pressure-kpa', forms: ['kPa', 'kilopascals'], unit: 'kPa', type: 'measure' },
  { id: 'pressure-psi', forms: ['psi'], unit: 'psi', type: 'measure' },
  { id: 'pressure-ksi', forms: ['ksi'], unit: 'ksi', type: 'measure' },
  { id: 'conc-ppm', forms: ['ppm', 'parts per million'], unit: 'ppm', type: 'measure' },
  { id: 'conc-ppb', forms: ['ppb', 'parts per billion'], unit: 'ppb', type: 'measure' },
  { id: 'mag-richter', forms: ['magnitude'], unit: 'magnitude', type: 'measure' },
  { id: 'times-multiple', forms: ['times', 'fold', 'x'], unit: 'times', type: 'times', cs: true },
];

export const TIME_UNITS: readonly UnitRule[] = [
  { id: 'time-millisecond', forms: ['milliseconds', 'millisecond', 'ms'], unit: 'millisecond', type: 'time', cs: true },
  { id: 'time-second', forms: ['seconds', 'second', 'secs', 'sec', 's'], unit: 'second', type: 'time', cs: true },
  { id: 'time-minute', forms: ['minutes', 'minute', 'mins', 'min'], unit: 'minute', type: 'time' },
  { id: 'time-hour', forms: ['hours', 'hour', 'hrs', 'hr', 'h'], unit: 'hour', type: 'time', cs: true },
  { id: 'time-day', forms: ['days', 'day'], unit: 'day', type: 'time' },
  { id: 'time-night', forms: ['nights', 'night'], unit: 'night', type: 'time' },
  { id: 'time-week', forms: ['weeks', 'week', 'wks', 'wk'], unit: 'week', type: 'time' },
  { id: 'time-fortnight', forms: ['fortnights', 'fortnight'], unit: 'fortnight', type: 'time' },
  { id: 'time-month', forms: ['months', 'month'], unit: 'month', type: 'time' },
  { id: 'time-year', forms: ['years', 'year', 'yrs', 'yr'], unit: 'year', type: 'time' },
  { id: 'time-decade', forms: ['decades', 'decade'], unit: 'decade', type: 'time' },
  { id: 'time-century', forms: ['centuries', 'century'], unit: 'century', type: 'time' },
  { id: 'time-millennium', forms: ['millennia', 'millennium'], unit: 'millennium', type: 'time' },
];

/** Ages: "48-year-old", "50 year-old", "30 years old", "18-month-old". */
export const AGE_UNITS: readonly UnitRule[] = [
  { id: 'age-year', forms: ['-year-old', 'year-old', 'years old', 'years-old', 'year old', '-years-old', '-yr-old', 'yr-old'], unit: 'year-old', type: 'age' },
  { id: 'age-month', forms: ['-month-old', 'month-old', 'months old', 'months-old'], unit: 'month-old', type: 'age' },
  { id: 'age-week', forms: ['-week-old', 'week-old', 'weeks old'], unit: 'week-old', type: 'age' },
  { id: 'age-day', forms: ['-day-old', 'day-old', 'days old'], unit: 'day-old', type: 'age' },
];

const PIECE = /(\d+(?:[.,]\d+)*)|(\p{L}[\p{L}\p{M}]*(?:'\p{L}+)*)|(\S)/gu;
interface CompiledForm { rule: UnitRule; pieces: string[]; gaps: boolean[]; cs: boolean; attachedOnly: boolean }
function compile(rules: readonly UnitRule[], attachedOnlyForms: ReadonlySet<string> = new Set()): Map<string, CompiledForm[]> {
  const index = new Map<string, CompiledForm[]>();
  for (const given of rules) {
    // every rule of one shape (the optional fields written out): matchQuantity reads the rules it finds, and a
    // shape its optimised code has not met throws that code away
    const rule: UnitRule = { id: given.id, forms: given.forms, unit: given.unit, type: given.type, cs: given.cs === true, attachedOnly: given.attachedOnly === true };
    for (const form of rule.forms) {
      const pieces: string[] = [];
      const gaps: boolean[] = [];
      let prevEnd = -1;
      PIECE.lastIndex = 0;
      for (let m = PIECE.exec(form); m; m = PIECE.exec(form)) {
        pieces.push(rule.cs ? m[0] : m[0].toLowerCase());
        gaps.push(prevEnd >= 0 && prevEnd !== m.index);
        prevEnd = m.index + m[0].length;
      }
      const key = pieces[0]!.toLowerCase();
      const list = index.get(key) ?? [];
      list.push({ rule, pieces, gaps, cs: rule.cs === true, attachedOnly: rule.attachedOnly === true || attachedOnlyForms.has(form) });
      index.set(key, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.pieces.length - a.pieces.length);
  return index;
}
const PREFIX_INDEX = compile(CURRENCY_PREFIXES, ATTACHED_ONLY_FORMS);
const SUFFIX_INDEX = compile(CURRENCY_SUFFIXES, ATTACHED_ONLY_FORMS);
const PERCENT_INDEX = compile(PERCENT_UNITS, ATTACHED_ONLY_FORMS);
const MEASURE_INDEX = compile(MEASURE_UNITS, ATTACHED_ONLY_FORMS);
const TIME_INDEX = compile(TIME_UNITS, ATTACHED_ONLY_FORMS);
const AGE_INDEX = compile(AGE_UNITS, ATTACHED_ONLY_FORMS);

export interface UnitMatch {
  rule: UnitRule;
  /** first lexeme after the unit */
  next: number;
  /** the unit was joined to the number by a hyphen ("four-day", "2.4-liter") */
  hyphen: boolean;
}

/** Matches one compiled form at lexeme `j`; the first piece may follow with or without a space. */
function matchAt(lx: readonly Lexeme[], j: number, forms: readonly CompiledForm[] | undefined, firstAttached: boolean, boundary = true): number {
  if (!forms) return -1;
  outer: for (let f = 0; f < forms.length; f++) {
    const form = forms[f]!;
    if (form.attachedOnly && !firstAttached) continue;
    for (let p = 0; p < form.pieces.length; p++) {
      const l = lexemeAt(lx, j + p);
      if (!l) continue outer;
      const text = form.cs ? l.text : l.lower;
      if (text !== form.pieces[p]) continue outer;
      if (p > 0 && l.gap !== form.gaps[p]) continue outer;
    }
    // a unit must end at a word boundary: "m" in "37m" but not in "37mm"
    const after = lexemeAt(lx, j + form.pieces.length);
    if (!boundary) return f;
    const lastPiece = form.pieces[form.pieces.length - 1]!;
    if (after && !after.gap && /\p{L}$/u.test(lastPiece) && after.type === 'word') continue;
    if (after && !after.gap && /\p{L}$/u.test(lastPiece) && after.type === 'num') continue;
    return f;
  }
  return -1;
}

function find(lx: readonly Lexeme[], j: number, index: Map<string, CompiledForm[]>, allowHyphen: boolean): UnitMatch | null {
  const l = lexemeAt(lx, j);
  if (!l) return null;
  // "four-day", "2.4-liter": a hyphen right between the number and the unit
  if (allowHyphen && l.text === '-' && !l.gap) {
    const n = lx[j + 1];
    if (n && !n.gap) {
      const forms = index.get(n.lower);
      const f = matchAt(lx, j + 1, forms, true);
      if (f >= 0) return { rule: forms![f]!.rule, next: j + 1 + forms![f]!.pieces.length, hyphen: true };
    }
  }
  const forms = index.get(l.lower);
  const f = matchAt(lx, j, forms, !l.gap);
  if (f < 0) return null;
  return { rule: forms![f]!.rule, next: j + forms![f]!.pieces.length, hyphen: false };
}

/** Lower-cased words that can begin a currency marker ("us" in "US$", "rm" in "RM23"). */
export const CURRENCY_PREFIX_WORDS: ReadonlySet<string> = new Set(PREFIX_INDEX.keys());

export const findCurrencyPrefix = (lx: readonly Lexeme[], j: number): UnitMatch | null => {
  const l = lexemeAt(lx, j);
  if (!l) return null;
  const forms = PREFIX_INDEX.get(l.lower);
  if (!forms) return null;
  for (const form of forms) {
    const f = matchAt(lx, j, [form], true, false);
    if (f < 0) continue;
    const next = j + form.pieces.length;
    const n = lx[next];
    // the digits (or a sign) must follow, right against a symbol or attached-only code
    if (!n) continue;
    const startsNumber = n.type === 'num' || ((n.text === '-' || n.text === '+' || n.text === '−') && lexemeAt(lx, next + 1)?.type === 'num' && !lx[next + 1]!.gap)
      || (n.text === '.' && lexemeAt(lx, next + 1)?.type === 'num');
    if (!startsNumber) continue;
    if (form.attachedOnly && n.gap) continue;
    // a three-letter code may stand apart ("USD 5"), a symbol must not be separated by more than a space
    return { rule: form.rule, next, hyphen: false };
  }
  return null;
};
export const findCurrencySuffix = (lx: readonly Lexeme[], j: number): UnitMatch | null => find(lx, j, SUFFIX_INDEX, false);
export const findPercent = (lx: readonly Lexeme[], j: number): UnitMatch | null => find(lx, j, PERCENT_INDEX, true);
export const findMeasure = (lx: readonly Lexeme[], j: number): UnitMatch | null => find(lx, j, MEASURE_INDEX, true);
export const findTimeUnit = (lx: readonly Lexeme[], j: number): UnitMatch | null => find(lx, j, TIME_INDEX, true);
export const findAge = (lx: readonly Lexeme[], j: number): UnitMatch | null => find(lx, j, AGE_INDEX, true);

/** Rate suffixes: "$3,500 a month", "US$58.24 per barrel", "800,000 barrels a day", "km/h" is a unit of its own. */
const RATE_ARTICLE_NOUNS = new Set(['share', 'barrel', 'head', 'person', 'piece', 'gallon', 'litre', 'liter', 'pound', 'kilo', 'kg', 'ton', 'tonne', 'unit', 'pop', 'night', 'game', 'match', 'plate', 'ticket', 'seat', 'visit', 'dose', 'pack', 'bottle', 'pupil', 'student', 'patient', 'household', 'customer', 'user']);
const TIME_ADVERBS = new Set(['earlier', 'ago', 'before', 'later', 'after', 'prior', 'previously', 'on', 'from', 'back']);
export interface RateMatch { per: string; next: number }
export function findRate(lx: readonly Lexeme[], j: number): RateMatch | null {
  let k = j;
  if (isText(lx, k, '-') && !lx[k]!.gap) k++;
  const w = lexemeAt(lx, k);
  if (!w) return null;
  const slash = w.text === '/' && !w.gap;
  const word = w.lower;
  // (every comparison of `word` made here at once, where every kind of string meets it: see isText)
  const per = word === 'per';
  const article = word === 'a' || word === 'an';
  const distributive = word === 'every' || word === 'each';
  if (!slash && !per && !article && !distributive) return null;
  let n = k + 1;
  if (isText(lx, n, '-') && !lx[n]!.gap) n++;
  const noun = lexemeAt(lx, n);
  if (!noun || noun.type !== 'word') return null;
  if (isLower(lx, n, 'cent') || isLower(lx, n, 'centum')) return null;
  const time = findTimeUnit(lx, n);
  if (time) {
    // "a year earlier", "a week ago" say when, not how often
    if (TIME_ADVERBS.has(lexemeAt(lx, time.next)?.lower ?? '')) return null;
    return { per: time.rule.unit, next: time.next };
  }
  if (distributive) return null;
  const measure = findMeasure(lx, n);
  if (measure && measure.rule.type === 'measure') return { per: measure.rule.unit, next: measure.next };
  if (article) {
    if (!RATE_ARTICLE_NOUNS.has(noun.lemma) && !RATE_ARTICLE_NOUNS.has(noun.lower)) return null;
    return { per: noun.lemma || noun.lower, next: n + 1 };
  }
  // "per share", "per mmBTU", "/kg": any noun
  if (noun.pos === 'NOUN' || noun.pos === 'PROPN' || slash || noun.pos === 'X' || per) {
    return { per: noun.pos === 'NOUN' ? noun.lemma : noun.text, next: n + 1 };
  }
  return null;
}
