// Module augmentation needs `interface`: it merges the server-side session id into next-auth's Session.
import 'next-auth';

declare module 'next-auth' {
  interface Session {
    sid?: string;
  }
}
