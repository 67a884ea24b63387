// The raw material of a job posting page, collected once in the active tab when the user asks
// (chrome.scripting.executeScript with activeTab: no host permission, nothing left running).
// `collectPosting` is serialised by executeScript, so it uses nothing from outside its own
// body. It decides nothing: the Rust core (src/core/posting) reads the posting out of what it
// returns. It returns plain JSON, never markup: texts are `innerText` or attribute values,
// each capped, about 2 MB in all, and it never throws into the page.
//
// Shape: {url, canonical, title, lang, jsonld: [block texts], microdata: [{itemtype, props:
// {name: [values]}}], meta: {name: content}, sites: {site: {title, company, location,
// employmentType, posted, identifier, description}}, greenhouse also {iframeSrc, ghJid}}.
//
// The site elements are read only on each site's own hosts (a `.location` elsewhere means
// nothing). Where the selectors were learned, from public code (read, not copied):
// - Workday: data-automation-id jobPostingHeader, locations, time, postedOn, requisitionId,
//   jobPostingDescription (switzere/Job-Application-Plugin extractors/workday.js @1f1def2b).
// - LinkedIn: .job-details-jobs-unified-top-card__job-title / __company-name / __bullet and
//   the older .jobs-unified-top-card__*; .jobs-description__content, #job-details; the
//   public page's .top-card-layout__title, .topcard__org-name-link, .topcard__flavor--bullet,
//   .description__text (zaphodsdad/jobhunter3000 extension/extractors/linkedin.js @5a4f5635;
//   b2patel99/JobScraper config.js @4b641fc8; martinyis/job-tracker src/scraper/selectors.ts).
// - Greenhouse: #app_body .app-title, .company-name, .location, #content (jobhunter3000
//   extension/extractors/greenhouse.js @5a4f5635); an embedded board is an iframe
//   #grnhse_iframe inside #grnhse_app, and the careers page's address carries the posting as
//   gh_jid (support.greenhouse.io, "Job post URL for non-Greenhouse hosted job posts").
// - Lever: .posting-headline h2, .posting-categories .location / .commitment,
//   [data-qa="job-description"] (jobhunter3000 extension/extractors/lever.js @5a4f5635;
//   switzere/Job-Application-Plugin extractors/lever.js @92e43ee8).
// - Indeed: [data-testid="jobsearch-JobInfoHeader-title"], .jobsearch-JobInfoHeader-title,
//   [data-testid="inlineHeader-companyName"], [data-company-name],
//   [data-testid="inlineHeader-companyLocation"], #jobDescriptionText (jobhunter3000
//   extension/extractors/indeed.js @5a4f5635).
export function collectPosting() {
  const started = Date.now();
  const TIME_MS = 400; // the page is left alone after this, whatever is unread
  const MAX_TOTAL = 2_000_000; // characters of text in the whole answer
  const MAX_BLOCK = 1_000_000; // one JSON-LD block; a longer one is sent empty
  const MAX_BLOCKS = 20;
  const MAX_TEXT = 100_000; // a description
  const MAX_SHORT = 2_000; // any other text
  const MAX_ITEMS = 20; // microdata items of type JobPosting
  const MAX_DEPTH = 4; // nested microdata items
  const MAX_PROPS = 400; // itemprop elements looked at, all items together
  const MAX_VALUES = 20; // values of one property
  const META = ['og:title', 'og:site_name', 'og:url', 'og:description', 'og:type', 'description', 'twitter:title', 'twitter:description'];
  const SITES = {
    workday: {
      hosts: ['myworkdayjobs.com', 'myworkdaysite.com'],
      title: ['[data-automation-id="jobPostingHeader"]'],
      // Each value is a <dd> after a <dt> label that only screen readers see.
      location: ['[data-automation-id="locations"] dd', '[data-automation-id="locations"]'],
      employmentType: ['[data-automation-id="time"] dd', '[data-automation-id="time"]'],
      posted: ['[data-automation-id="postedOn"] dd', '[data-automation-id="postedOn"]'],
      identifier: ['[data-automation-id="requisitionId"] dd', '[data-automation-id="requisitionId"]'],
      description: ['[data-automation-id="jobPostingDescription"]'],
    },
    linkedin: {
      hosts: ['linkedin.com'],
      title: ['.job-details-jobs-unified-top-card__job-title', '.jobs-unified-top-card__job-title', '.top-card-layout__title'],
      company: ['.job-details-jobs-unified-top-card__company-name', '.jobs-unified-top-card__company-name', '.topcard__org-name-link'],
      location: ['.job-details-jobs-unified-top-card__bullet', '.jobs-unified-top-card__bullet', '.topcard__flavor--bullet'],
      description: ['.jobs-description__content', '#job-details', '.description__text'],
    },
    greenhouse: {
      hosts: ['greenhouse.io'],
      title: ['#app_body .app-title', '.app-title'],
      company: ['#app_body .company-name', '.company-name'],
      location: ['#app_body .location', '#header .location'],
      description: ['#content'],
    },
    lever: {
      hosts: ['lever.co'],
      title: ['.posting-headline h2'],
      location: ['.posting-categories .location'],
      employmentType: ['.posting-categories .commitment'],
      description: ['[data-qa="job-description"]', '.posting-page .section-wrapper .content'],
    },
    indeed: {
      hosts: ['indeed.com', 'indeed.de', 'indeed.co.uk', 'indeed.fr', 'indeed.ca', 'indeed.at', 'indeed.ch'],
      title: ['[data-testid="jobsearch-JobInfoHeader-title"] > span:first-child', '[data-testid="jobsearch-JobInfoHeader-title"]', '.jobsearch-JobInfoHeader-title'],
      company: ['[data-testid="inlineHeader-companyName"]', '[data-company-name]'],
      location: ['[data-testid="inlineHeader-companyLocation"]', '[data-testid="job-location"]'],
      description: ['#jobDescriptionText'],
    },
  };

  let left = MAX_TOTAL;
  let props = 0;
  const late = () => Date.now() - started > TIME_MS;
  const cap = (value, max) => {
    if (typeof value !== 'string') return '';
    const s = value.slice(0, Math.max(0, Math.min(max, left)));
    left -= s.length;
    return s;
  };
  const attempt = (f) => {
    try {
      f();
    } catch {
      // A part the page broke stays empty; the rest is still read.
    }
  };
  const textOf = (el, max) => {
    try {
      return cap(typeof el.innerText === 'string' ? el.innerText : el.textContent, max);
    } catch {
      return '';
    }
  };

  const out = { url: '', canonical: '', title: '', lang: '', jsonld: [], microdata: [], meta: {}, sites: {} };
  attempt(() => (out.url = cap(String(location.href), MAX_SHORT)));
  attempt(() => (out.canonical = cap(document.querySelector('link[rel~="canonical" i]')?.href ?? '', MAX_SHORT)));
  attempt(() => (out.title = cap(document.title, MAX_SHORT)));
  attempt(() => (out.lang = cap(document.documentElement.lang, 40)));

  attempt(() => {
    for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
      if (out.jsonld.length >= MAX_BLOCKS || late()) break;
      const text = script.textContent ?? '';
      out.jsonld.push(text.length > MAX_BLOCK ? '' : cap(text, MAX_BLOCK));
    }
  });

  attempt(() => {
    for (const tag of document.querySelectorAll('meta[property], meta[name]')) {
      const name = (tag.getAttribute('property') || tag.getAttribute('name') || '').toLowerCase();
      if (META.includes(name) && !(name in out.meta)) out.meta[name] = cap(tag.getAttribute('content') ?? '', MAX_SHORT);
    }
  });

  // One microdata item: its type and its own properties (not those of items nested in it).
  const item = (scope, depth) => {
    const found = { itemtype: cap(scope.getAttribute('itemtype') ?? '', MAX_SHORT), props: Object.create(null) };
    for (const el of scope.querySelectorAll('[itemprop]')) {
      if (++props > MAX_PROPS || late()) break;
      if (el.parentElement?.closest('[itemscope]') !== scope) continue;
      let value;
      if (el.hasAttribute('itemscope')) {
        if (depth >= MAX_DEPTH) continue;
        value = item(el, depth + 1);
      } else {
        const tag = el.tagName.toLowerCase();
        const attr =
          el.getAttribute('content') ??
          (['a', 'link', 'area'].includes(tag) ? el.href : null) ??
          (['img', 'source', 'video', 'audio', 'iframe'].includes(tag) ? el.src : null) ??
          (tag === 'time' ? el.getAttribute('datetime') : null) ??
          (['data', 'meter'].includes(tag) ? el.getAttribute('value') : null);
        value = attr != null ? cap(String(attr), MAX_SHORT) : textOf(el, el.getAttribute('itemprop') === 'description' ? MAX_TEXT : MAX_SHORT);
      }
      for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean).slice(0, 4)) {
        const values = (found.props[name] ??= []);
        if (values.length < MAX_VALUES) values.push(value);
      }
    }
    return found;
  };
  attempt(() => {
    for (const scope of document.querySelectorAll('[itemscope][itemtype*="JobPosting" i]')) {
      if (out.microdata.length >= MAX_ITEMS || late()) break;
      if (scope.parentElement?.closest('[itemscope][itemtype*="JobPosting" i]')) continue;
      out.microdata.push(item(scope, 0));
    }
  });

  const host = String(location.hostname).toLowerCase();
  const onHost = (hosts) => hosts.some((h) => host === h || host.endsWith(`.${h}`));
  for (const [site, fields] of Object.entries(SITES)) {
    attempt(() => {
      if (!onHost(fields.hosts) || late()) return;
      const read = {};
      for (const [field, selectors] of Object.entries(fields)) {
        if (field === 'hosts') continue;
        for (const selector of selectors) {
          // Every place (one element each), the first match of anything else.
          const els = field === 'location' ? [...document.querySelectorAll(selector)].slice(0, 20) : [document.querySelector(selector)];
          const text = els
            .filter(Boolean)
            .map((el) => textOf(el, field === 'description' ? MAX_TEXT : MAX_SHORT).trim())
            .filter(Boolean)
            .join('\n');
          if (text) {
            read[field] = text;
            break;
          }
        }
      }
      if (Object.keys(read).length) out.sites[site] = read;
    });
  }

  // An embedded Greenhouse board, on any careers page: its frame is another origin and
  // cannot be read, but its address and the posting's gh_jid say where the posting is.
  attempt(() => {
    const frame = document.querySelector('#grnhse_iframe');
    const ghJid = new URL(location.href).searchParams.get('gh_jid') ?? '';
    if (!frame && !ghJid) return;
    const board = (out.sites.greenhouse ??= {});
    if (frame) board.iframeSrc = cap(frame.src ?? '', MAX_SHORT);
    if (ghJid) board.ghJid = cap(ghJid, 100);
  });

  return out;
}
