// Dates in the webmail reading fixtures are placeholders, filled when the page is served, so a
// message "from yesterday" stays from yesterday: `%%DATE:<days>:<format>%%`, e.g.
// `%%DATE:-1:gmail-title%%`. Every date is <days> from today at 10:42 in the morning, local
// time. The formats are the forms the sites themselves write (English locale):
//
// | format         | example                                   | where                                      |
// |----------------|-------------------------------------------|--------------------------------------------|
// | iso            | 2026-12-03T09:42:00.000Z                  | `datetime` attributes                      |
// | gmail-title    | Thu, Dec 3, 2026, 10:42 AM                | Gmail: `title` of the list date, `.g3`     |
// | gmail-short    | Dec 3                                     | Gmail: the list date's text                |
// | outlook        | Thu 12/3/2026 10:42 AM                    | Outlook: list date `title`, SentReceivedSavedTime |
// | outlook-short  | 12/3/2026                                 | Outlook: the list date's text              |
// | yahoo-title    | Thu, Dec 3, 2026 at 10:42 AM              | Yahoo: `title` of the message date         |
// | yahoo-short    | Dec 3                                     | Yahoo: the date's text                     |
// | proton-full    | Thursday, December 3, 2026 at 10:42 AM    | Proton: `datetime`/`title` of its <time>   |
// | proton-short   | Dec 3                                     | Proton: the <time>'s text                  |
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The moment a placeholder stands for: `days` from `now`'s day, at 10:42 local time. */
export function mailDate(days, now = new Date()) {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, 10, 42, 0, 0);
  return d;
}

/** `d` written in `format` (see the table above). */
export function formatDate(d, format) {
  const day3 = DAYS[d.getDay()].slice(0, 3);
  const mon3 = MONTHS[d.getMonth()].slice(0, 3);
  const hour12 = d.getHours() % 12 || 12;
  const time = `${hour12}:${String(d.getMinutes()).padStart(2, '0')} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
  const numeric = `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
  switch (format) {
    case 'iso':
      return d.toISOString();
    case 'gmail-title':
      return `${day3}, ${mon3} ${d.getDate()}, ${d.getFullYear()}, ${time}`;
    case 'gmail-short':
    case 'yahoo-short':
    case 'proton-short':
      return `${mon3} ${d.getDate()}`;
    case 'outlook':
      return `${day3} ${numeric} ${time}`;
    case 'outlook-short':
      return numeric;
    case 'yahoo-title':
      return `${day3}, ${mon3} ${d.getDate()}, ${d.getFullYear()} at ${time}`;
    case 'proton-full':
      return `${DAYS[d.getDay()]}, ${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()} at ${time}`;
    default:
      throw new Error(`unknown date format ${format}`);
  }
}

/** `html` with every `%%DATE:<days>:<format>%%` replaced by that date. */
export function fillDates(html, now = new Date()) {
  return html.replace(/%%DATE:(-?\d+):([a-z-]+)%%/g, (_, days, format) => formatDate(mailDate(Number(days), now), format));
}
