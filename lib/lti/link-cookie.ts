/** The cookie that ties a pending LMS link to the browser that launched (set by the launch, read by /lti/link). */
export const linkCookie = 'lti_link';
