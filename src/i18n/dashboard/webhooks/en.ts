/** English wording of the dashboard's webhooks screens (src/http/admin/webhooks): the reference shape. */
export const en = {
  title: 'Webhooks',
  webhook: 'Webhook',
  intro:
    "Slotwise tells other systems when a booking is confirmed, moved, cancelled or paid by sending a signed POST to each webhook's URL. Every attempt is kept in the webhook's delivery log.",
  registered: 'Registered webhooks',
  none: 'No webhooks yet: add one below.',
  columns: { url: 'URL', events: 'Events', state: 'State', last: 'Last delivery' },
  nothingSent: 'Nothing sent yet',
  add: 'Add a webhook',
  notAdded: 'Could not add the webhook',
  addButton: 'Add webhook',
  active: 'Active',
  off: 'Off',
  /** What each event announces, in the words of docs/WEBHOOKS.md. */
  events: {
    'booking.confirmed': 'a booking becomes confirmed (booked, verified or paid)',
    'booking.rescheduled': 'a confirmed booking moves to another time or staff member',
    'booking.cancelled': 'a confirmed booking is cancelled',
    'booking.paid': 'a payment (in full or a deposit) comes in',
    'payment.unapplied': 'a payment comes in that cannot be applied to its booking (to refund or rebook)',
    'waitlist.offered': 'a freed time is offered to the next client on the waitlist',
  },
  /** "<event> — when <what it announces>". */
  eventWhen: (what: string) => `— when ${what}`,
  fields: { url: 'URL', events: 'Events', description: 'Description' },
  hints: {
    url: 'Where Slotwise sends a signed POST for each event: an http or https address.',
    description: 'Optional, up to 200 characters: what receives the events, e.g. “Accounting sync”.',
  },
  activeLabel: 'Active: send booking events to this URL (a test event is sent either way)',
  done: {
    deleted: 'The webhook is deleted: nothing more is sent to it.',
    created:
      'The webhook is added. Copy its signing secret below into your receiver, and check the signature of every request as “Checking the signature” below explains.',
    saved: 'Your changes are saved.',
    rotated: 'The secret is rotated: the old one no longer signs anything. Put the new one below into your receiver.',
    test: 'A test event is queued. It shows in the delivery log within a few seconds: reload the page to see it.',
  },
  errors: {
    description: 'The description must be at most 200 characters of plain text.',
    noUrl: 'Enter the address the events are sent to, e.g. https://example.com/hooks/slotwise.',
    /** "The URL must be {problem}." */
    urlMust: (problem: string) => `The URL must be ${problem}.`,
    /** The use case's problems with a URL (webhook-url.ts), by its English words; others stay English. */
    urlProblems: {
      'an absolute http or https URL': 'an absolute http or https URL',
      'an http or https URL': 'an http or https URL',
      'a URL with a host': 'a URL with a host',
      'a URL without a user name or password': 'a URL without a user name or password',
    },
    noEvent: 'Choose at least one event.',
    fewer: 'Choose fewer events.',
    fromList: 'Choose events from the list.',
  },
  refusal: {
    forbidden: 'Not allowed',
    forbiddenText: 'Webhooks are managed by an admin. Ask an admin of the business if something needs to change.',
    backToCalendar: 'Back to the calendar',
    notFound: 'No such webhook',
    notFoundText: 'It may have been deleted.',
    all: 'All webhooks',
    failed: 'That did not work',
  },
  edit: {
    crumb: 'this webhook',
    named: (description: string) => `Webhook “${description}”`,
    toHost: (host: string) => `Webhook to ${host}`,
    notSaved: 'Could not save the webhook',
    added: (when: string) => `Added ${when}.`,
    secret: 'Signing secret',
    secretIntro: 'Your receiver uses this secret to check that a request comes from Slotwise:',
    howToCheck: 'how to check the signature',
    secretKeep: 'Keep it out of code repositories and logs.',
    showSecret: 'Show the secret',
    rotateWarning:
      'Rotating makes a new secret at once: the current one stops signing straight away (retries of earlier events too), so put the new one in your receiver right after.',
    rotate: 'Rotate secret',
    test: 'Send a test event',
    testHelpStart: 'Sends a signed',
    testHelpEnd:
      'event to the URL (even while the webhook is off), through the same queue, signature and delivery log as booking events. It shows in the log below within a few seconds.',
    change: 'Change the webhook',
    save: 'Save changes',
    delete: 'Delete the webhook',
    deleteWarning:
      'Deleting stops every delivery to this URL at once, drops the ones waiting for a retry, and removes the delivery log. To pause deliveries instead, untick “Active” above.',
    deleteButton: 'Delete webhook',
  },
  log: {
    title: 'Delivery log',
    noOlder: 'No older attempts.',
    nothing: 'Nothing sent yet. Send a test event to try the URL.',
    caption: (zone: string) => `Every attempt, newest first; times in ${zone}. Reload to see new attempts.`,
    columns: { when: 'When', event: 'Event', eventId: 'Event id', attempt: 'Attempt', result: 'Result', took: 'Took' },
    delivered: 'Delivered',
    failed: (error: string) => `Failed: ${error}`,
    /** Why an attempt failed, from the stored cause's shape (webhooks/delivery-error-words.ts). */
    causes: {
      status: (status: string) => `HTTP ${status}`,
      redirect: (status: string) => `HTTP ${status} (redirects are not followed)`,
      timeout: (seconds: string) => `no answer within ${seconds} s`,
      refused: 'the server refused the connection',
      noHost: 'the host name does not resolve',
      reset: 'the connection was cut',
      tls: 'the secure connection (TLS) failed',
      notPublic: 'the address is not a public internet address: nothing was sent',
      other: (detail: string) => `the request failed (${detail})`,
    },
    pages: 'Delivery log pages',
    newest: 'Newest attempts',
    older: 'Older attempts',
  },
  signing: {
    title: 'Checking the signature',
    intro: 'Every delivery is a POST with a JSON body and these headers:',
    timestamp: ': the time of the attempt, in Unix seconds;',
    signature: ', in hex, keyed with the whole secret (',
    signatureEnd: ');',
    event: ': the event, and',
    delivery: ': the event id, the same on every retry, so a repeat can be ignored.',
    rules:
      'Compute the HMAC over the raw body as received, before parsing the JSON; compare it in constant time; refuse a timestamp more than 5 minutes away from your clock. Answer with any 2xx within 10 seconds: anything else (a redirect too) is retried after 30 s, 1 min, 2 min … up to 10 attempts.',
    example: 'An example in Node.js',
    docs: "The full description is in the project's docs/WEBHOOKS.md, “Checking the signature”.",
  },
};

/** The shape every locale's webhooks catalogue has: the English one's. */
export type WebhooksMessages = typeof en;
