/*
 * Scenarios the browser tests play, in the object form of a scenario file
 * (feed/scenarios/*.yaml documents the format).
 */

const services = [
  { id: 'checkout', name: 'Checkout', team: 'payments', tier: 1, signals: { rps: 420, latencyP99Ms: 180 } },
  { id: 'payments-gateway', name: 'Payments Gateway', team: 'payments', tier: 1, signals: { rps: 380, latencyP99Ms: 240 } },
  { id: 'cart', name: 'Cart', team: 'commerce', tier: 2, signals: { rps: 1200, latencyP99Ms: 95 } },
  { id: 'auth', name: 'Auth', team: 'identity', tier: 1, signals: { rps: 5400, latencyP99Ms: 60 } },
  { id: 'search-api', name: 'Search API', team: 'search', tier: 2, signals: { rps: 860, latencyP99Ms: 310 } },
  { id: 'recommendations', name: 'Recommendations', team: 'commerce', tier: 3, signals: { rps: 240, latencyP99Ms: 420 } },
];

const slos = [
  { id: 'checkout-availability', service: 'checkout', objective: 0.999, windowDays: 30 },
  { id: 'checkout-latency', service: 'checkout', name: 'Checkout latency p99 < 300 ms', objective: 0.99, windowDays: 30 },
  { id: 'payments-gateway-availability', service: 'payments-gateway', objective: 0.9995, windowDays: 28 },
  { id: 'cart-availability', service: 'cart', objective: 0.995, windowDays: 30 },
  { id: 'auth-availability', service: 'auth', objective: 0.9999, windowDays: 30 },
  { id: 'search-api-latency', service: 'search-api', name: 'Search latency p99 < 400 ms', objective: 0.99, windowDays: 28 },
];

/** Six services in four teams, six SLOs, nothing burning, no incidents. */
export function calmShop(): object {
  return { name: 'calm shop', services, slos, steps: [{ at: '0s', all: 'healthy' }] };
}

/** The calm shop with one sev3 incident open from the start: every page has content. */
export function busyShop(): object {
  return {
    name: 'busy shop',
    services,
    slos,
    steps: [
      { at: '0s', all: 'healthy' },
      { at: '0s', incident: { id: 'inc-search', severity: 'sev3', title: 'Search results slow for some queries', services: ['search-api'] } },
    ],
  };
}

const window = (ratio: number) => ({ '5m': ratio, '30m': ratio, '1h': ratio, '2h': ratio, '6h': ratio, '1d': ratio, '3d': ratio });

/**
 * Pinned error ratios, so every SLO's evaluation is exact and steady:
 * two page-level burns of different strength, one ticket-level burn, one
 * budget spent with nothing burning now, and two SLOs within budget.
 */
export function burningShop(): object {
  return {
    name: 'burning shop',
    services,
    slos,
    steps: [
      { at: '0s', all: 'healthy' },
      // 99.9%: budget 0.001. 30x over every short window: page.
      { at: '0s', ratios: { slo: 'checkout-availability', ...window(0.03), window: 0.0004 } },
      // 99.95%: budget 0.0005. 16x: page, weaker than checkout.
      { at: '0s', ratios: { slo: 'payments-gateway-availability', ...window(0.008), window: 0.0003 } },
      // 99%: budget 0.01. 4x over 1d/2h: ticket, not page (threshold 14.4 / 6).
      { at: '0s', ratios: { slo: 'checkout-latency', ...window(0.04), '5m': 0.04, '1h': 0.04, '30m': 0.01, '6h': 0.01, window: 0.002 } },
      // 99.5%: budget 0.005; the window spent 120% of it, nothing burning now: exhausted.
      { at: '0s', ratios: { slo: 'cart-availability', ...window(0.0001), window: 0.006 } },
      { at: '0s', ratios: { slo: 'auth-availability', ...window(0.00001), window: 0.00002 } },
      { at: '0s', ratios: { slo: 'search-api-latency', ...window(0.001), window: 0.002 } },
    ],
  };
}

/** A calm start; a sev1 opens at 150 s and resolves at 180 s (scenario time), long enough after the start for a wall to connect first. */
export function outageStory(): object {
  return {
    name: 'outage story',
    services,
    slos,
    steps: [
      { at: '0s', all: 'healthy' },
      { at: '150s', incident: { id: 'inc-checkout', severity: 'sev1', title: 'Checkout failing for card payments', services: ['checkout', 'payments-gateway'] } },
      { at: '150s', service: { id: 'checkout', status: 'down', message: '5xx from payments-gateway' } },
      { at: '165s', incident: { id: 'inc-checkout', status: 'identified', commander: 'Amara Okafor', summary: 'Bad deploy of payments-gateway; rolling back.' } },
      { at: '180s', resolve: 'inc-checkout' },
      { at: '180s', service: { id: 'checkout', status: 'ok' } },
    ],
  };
}

/** A seeded company of `count` services and its SLOs. */
export function company(count: number, seed = 7): object {
  return { name: `company of ${count}`, company: { seed, services: count }, steps: [{ at: '0s', all: 'healthy' }] };
}

/**
 * A seeded company of 40 services in eight teams on a bad day, for the
 * screenshots: a fast page-level burn with a sev1, a database down with a
 * sev2, a slower ticket-level burn, services degraded, in maintenance and
 * unknown, a minor incident and one just resolved.
 */
export function badDay(): object {
  return {
    name: 'bad day',
    company: { seed: 7, services: 40 },
    steps: [
      { at: '0s', all: 'healthy' },
      { at: '0s', burn: { slo: 'checkout-availability', rate: 24, since: '50m' } },
      { at: '0s', burn: { slo: 'postgres-primary-latency', rate: 9, since: '7h' } },
      { at: '0s', burn: { slo: 'search-api-latency', rate: 4, since: '30h' } },
      { at: '0s', ratios: { slo: 'cart-availability', window: 0.0012 } },
      { at: '0s', service: { id: 'checkout', status: 'degraded', message: '5xx from payments-gateway on /charge' } },
      { at: '0s', service: { id: 'postgres-primary', status: 'down', message: 'primary failing over' } },
      { at: '0s', service: { id: 'search-api', status: 'degraded' } },
      { at: '0s', service: { id: 'sms-relay', status: 'maintenance' } },
      { at: '0s', service: { id: 'ranking', status: 'unknown' } },
      {
        at: '0s',
        incident: {
          id: 'inc-1042',
          severity: 'sev1',
          status: 'investigating',
          title: 'Checkout failing for card payments',
          services: ['checkout', 'payments-gateway', 'card-vault'],
          commander: 'Amara Okafor',
          summary: 'Card charges fail with 5xx at the gateway since the 13:40 deploy.',
        },
      },
      { at: '0s', incident: { id: 'inc-1039', severity: 'sev2', title: 'Push notifications delayed', services: ['push-gateway'], commander: 'Li Wei' } },
      {
        at: '30s',
        incident: {
          id: 'inc-1043',
          severity: 'sev2',
          status: 'identified',
          title: 'Postgres primary failover stuck',
          services: ['postgres-primary', 'ledger', 'refunds', 'inventory', 'catalog', 'pricing', 'cart'],
          commander: 'Jonas Weber',
          summary: 'Replica promotion waits on a long transaction; writes are queued.',
        },
      },
      { at: '1m', incident: { id: 'inc-1040', severity: 'sev3', status: 'monitoring', title: 'Search latency above target in eu-west', services: ['search-api'] } },
      { at: '3m', resolve: 'inc-1039' },
    ],
  };
}
