/*
 * Number formats of the SLO wall, kept short so they read from across a room.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in at most two units, the larger first: "2d 4h", "3h 20m",
 * "12m 5s", "45s"; a zero second unit is left out ("3h", "2d"). Rounds down
 * to whole seconds, so a time to exhaustion is never shown longer than it
 * is; anything under a second (or negative) is "0s". Infinity is "∞", NaN "–".
 */
export function formatDuration(ms: number): string {
  if (Number.isNaN(ms)) return '–';
  if (ms === Infinity) return '∞';
  const total = Math.max(0, Math.floor(ms / SECOND)) * SECOND;
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  const seconds = Math.floor((total % MINUTE) / SECOND);
  if (days > 0) return pair(days, 'd', hours, 'h');
  if (hours > 0) return pair(hours, 'h', minutes, 'm');
  if (minutes > 0) return pair(minutes, 'm', seconds, 's');
  return `${seconds}s`;
}

function pair(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor > 0 ? `${major}${majorUnit} ${minor}${minorUnit}` : `${major}${majorUnit}`;
}

/**
 * A burn rate for a sentence: one decimal and an "x" under 100 ("16.2x",
 * "0.5x"), whole from there with thousands grouped ("167x", "2,400x",
 * "100,000x"): a tenth is noise at that rate, and a long run of digits
 * does not read from across a room.
 */
export function formatBurn(burn: number): string {
  if (!(burn >= 99.95)) return `${burn.toFixed(1)}x`;
  const whole = String(Math.round(burn)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${whole}x`;
}

/**
 * A share (0.0225 = 2.25%) as a percentage: whole percent from 1% up ("2%",
 * "77%"), one decimal below ("0.4%"), "under 0.1%" for a sliver above zero.
 */
export function formatShare(share: number): string {
  const percent = share * 100;
  if (percent >= 0.95) return `${Math.round(percent)}%`;
  if (percent >= 0.05) return `${percent.toFixed(1)}%`;
  return percent > 0 ? 'under 0.1%' : '0%';
}

/** An SLO window's days as the wall writes them, to two decimals at most: "30", "0.5", "27.12". */
function daysText(windowDays: number): string {
  return String(Number(windowDays.toFixed(2)));
}

/** An SLO's window in days, short: "30d", "28d", "365d", "0.5d". */
export function formatWindowDays(windowDays: number): string {
  return `${daysText(windowDays)}d`;
}

/**
 * The SLO window as a possessive for sentences: "month's" for 28 to 31 days,
 * "week's", "quarter's" (90 to 92), "year's" (365, 366), else "30.5-day".
 */
export function windowName(windowDays: number): string {
  if (windowDays === 7) return "week's";
  if (windowDays >= 28 && windowDays <= 31 && Number.isInteger(windowDays)) return "month's";
  if (windowDays >= 90 && windowDays <= 92 && Number.isInteger(windowDays)) return "quarter's";
  if (windowDays === 365 || windowDays === 366) return "year's";
  return `${daysText(windowDays)}-day`;
}
