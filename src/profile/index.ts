/**
 * `clientele/profile`: customer profiles — normalisation of contact data (emails, phones via libphonenumber-js,
 * names incl. CJK width folding, countries and regions, dates), junk-identifier blocking, identity resolution into
 * golden records with survivorship, provenance and conflicts, comparison of resolutions, derived profile features as
 * of a date, data-quality reports, consent per purpose and PII redaction with Web Crypto.
 *
 * @module
 */
export { type NormalizationCode, type NormalizationFailure } from './failure.js';
export {
  DEFAULT_EMAIL_PROVIDERS,
  emailMatchKey,
  normalizeEmail,
  type EmailMatchKeyOptions,
  type EmailProviderRule,
} from './email.js';
export { normalizePhone, type PhoneOptions } from './phone.js';
export { DEFAULT_NAME_TITLES, normalizeName, type NameOptions, type NameTitles, type NormalizedName } from './name.js';
export { ISO_COUNTRIES, isCountryCode, normalizeCountry, type IsoCountry } from './country.js';
export { REGION_TABLE_COUNTRIES, normalizeRegion, type RegionOptions } from './region.js';
export { DEFAULT_PLACEHOLDER_DATES, completedYears, normalizeBirthDate, type BirthDateOptions } from './date.js';
export { normalizeGender, type Gender } from './gender.js';
export {
  DEFAULT_BLOCK_LISTS,
  MAX_GLOB_LENGTH,
  matchBlockedValue,
  type BlockList,
  type BlockLists,
  type BlockMatch,
  type SafePattern,
} from './blocklist.js';
export {
  externalIdNamespace,
  normalizeCustomer,
  type BlockedValue,
  type FieldIssue,
  type MatchKeys,
  type NormalizeCustomerOptions,
  type NormalizedCustomer,
} from './customer.js';
export {
  DEFAULT_MAX_RECORDS_PER_KEY,
  DEFAULT_RESOLUTION_RULES,
  GOLDEN_FIELDS,
  IDENTIFIER_TYPES,
  completeResolutionRules,
  decodeResolutionRules,
  type GoldenField,
  type IdentifierRule,
  type IdentifierType,
  type ResolutionRules,
  type ResolutionRulesInput,
  type SurvivorshipRule,
  type SurvivorshipStrategy,
} from './rules.js';
export { type FieldConflict, type FieldProvenance } from './survivorship.js';
export {
  resolveIdentities,
  type BlockedValueSummary,
  type GoldenRecord,
  type IdentityResolution,
  type MatchEvidence,
  type OverSharedKey,
  type RefusedLink,
  type ResolutionStats,
  type ResolveOptions,
} from './resolve.js';
export { compareResolutions, type ClusterChange, type ResolutionDiff, type ResolutionMapping } from './compare.js';
export { hasConsent, resolveConsents, type ConsentOptions, type ConsentState } from './consent.js';
export {
  DEFAULT_AGE_BANDS,
  DEFAULT_ENGAGEMENT_RULES,
  DEFAULT_LIFECYCLE_THRESHOLDS,
  DEFAULT_PROFILE_SETTINGS,
  decodeProfileSettings,
  type AgeBand,
  type EngagementRules,
  type LifecycleThresholds,
  type ProfileSettings,
  type ProfileSettingsInput,
} from './profile-settings.js';
export { lifecycleStage, type LifecycleAssessment, type LifecycleStage, type PurchaseRhythm } from './lifecycle.js';
export {
  deriveProfile,
  deriveProfiles,
  type CustomerProfile,
  type EngagementSummary,
  type IntervalStats,
  type InterestTag,
  type Preference,
  type ProfileBatch,
  type ProfileColumns,
  type ProfileOptions,
  type ProfileResult,
} from './features.js';
export {
  QUALITY_FIELDS,
  assessQuality,
  type FieldCompleteness,
  type InvalidValues,
  type QualityOptions,
  type QualityReport,
} from './quality.js';
export {
  DEFAULT_REDACTION_POLICY,
  hashValue,
  redact,
  redactAll,
  type RedactableField,
  type RedactionAction,
  type RedactOptions,
} from './redact.js';
