import type { Incident, Service, Slo } from './entities';

/*
 * Valid example entities, for tests across the project. Each call returns a
 * fresh object so a test may change it freely.
 */

/** A valid service with every optional field set. */
export function exampleService(overrides: Partial<Service> = {}): Service {
  return {
    id: 'checkout',
    name: 'Checkout',
    team: 'payments',
    tier: 1,
    status: 'ok',
    message: 'all good',
    signals: { rps: 1200, errorRatio: 0.001, latencyP99Ms: 240, saturation: 0.4 },
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** A valid SLO with every window reported. */
export function exampleSlo(overrides: Partial<Slo> = {}): Slo {
  return {
    id: 'checkout-availability',
    serviceId: 'checkout',
    name: 'Checkout availability',
    objective: 0.999,
    windowDays: 30,
    errorRatio: { '5m': 0.0005, '30m': 0.0005, '1h': 0.0005, '2h': 0.0005, '6h': 0.0005, '1d': 0.0005, '3d': 0.0005, window: 0.0005 },
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** A valid incident with every optional field set. */
export function exampleIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    title: 'Checkout failing for card payments',
    severity: 'sev1',
    status: 'investigating',
    serviceIds: ['checkout'],
    startedAt: 1_700_000_000_000,
    acknowledgedAt: 1_700_000_060_000,
    commander: 'ana',
    summary: 'Card payments fail at the gateway.',
    url: 'https://status.example.com/incidents/1',
    ...overrides,
  };
}
