// The whole database schema, one file per area under db/tables/; drizzle-kit reads this file.
export * from './tables/accounts';
export * from './tables/learning';
export * from './tables/certificates';
export * from './tables/institutions';
export * from './tables/cohorts';
export * from './tables/events';
export * from './tables/mail';
export * from './tables/review';
export * from './tables/xapi';
export * from './tables/lti';
export * from './tables/readiness';
export * from './tables/lti-services';
export * from './tables/lti-registration';
