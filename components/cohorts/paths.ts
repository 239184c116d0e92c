/** Where each cohort screen for staff lives. */
export const cohortPaths = {
  list: '/teach/cohorts',
  dashboard: (id: string) => `/teach/cohorts/${id}`,
  members: (id: string) => `/teach/cohorts/${id}/members`,
  lms: (id: string) => `/teach/cohorts/${id}/lms`,
  learner: (id: string, userId: string) => `/teach/cohorts/${id}/learners/${userId}`,
  quiz: (id: string, quizId: string) => `/teach/cohorts/${id}/quizzes/${quizId}`,
  export: (id: string) => `/teach/cohorts/${id}/export.csv`,
  invitationsCsv: (id: string) => `/teach/cohorts/${id}/invitations.csv`,
  joinLink: (base: string, code: string) => `${base}/cohorts/join/${code}`,
};
