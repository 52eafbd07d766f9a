/**
 * Hard limits on what the wall accepts from a feed. They keep a broken or
 * hostile feed from exhausting the wall's memory, while leaving room for the
 * largest real companies (the message limits are well above the 20,000
 * services, 100,000 SLOs and 5,000 incidents the wall is built to show).
 */
export const LIMITS = {
  /** Ids are 1 to 200 characters, as the protocol says. */
  idLength: 200,
  /** Names, titles, team names and people's handles. */
  nameLength: 300,
  /** One short human line (a service message). */
  messageLength: 1_000,
  /** An incident summary. */
  summaryLength: 4_000,
  /** An incident link. */
  urlLength: 2_048,
  /** Services an incident may name. */
  serviceIdsPerIncident: 1_000,
  /** Entities of each kind in one message (snapshot or delta). */
  servicesPerMessage: 50_000,
  slosPerMessage: 250_000,
  incidentsPerMessage: 10_000,
  /** Ids of each kind in one delta's `remove`. */
  removalsPerMessage: 250_000,
} as const;

/** The protocol version this wall speaks. */
export const PROTOCOL_VERSION = 1;
