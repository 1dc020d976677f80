/** The browser's chunks of the pages the server never renders (routes.tsx PRIVATE_PATHS). */
import type { Component } from 'solid-js';
import { page, type PrivatePath } from './routes.tsx';

const PAGES: Record<PrivatePath, Component> = {
  '/signin': page(() => import('./pages/sign-in.tsx')),
  '/signup': page(() => import('./pages/sign-up.tsx')),
  '/forgot-password': page(() => import('./pages/forgot-password.tsx')),
  '/reset-password': page(() => import('./pages/reset-password.tsx')),
  '/verify-email': page(() => import('./pages/verify-email.tsx')),
  '/confirm-email': page(() => import('./pages/confirm-email.tsx')),
  '/join-team': page(() => import('./pages/join-team.tsx')),
  '/account': page(() => import('./pages/account.tsx')),
  '/me/matches': page(() => import('./pages/seeker-matches.tsx')),
  '/me/resume': page(() => import('./pages/seeker-resume.tsx')),
  '/me/applications': page(() => import('./pages/seeker-applications.tsx')),
  '/me/saved': page(() => import('./pages/seeker-saved.tsx')),
  '/me/alerts': page(() => import('./pages/seeker-alerts.tsx')),
  '/notifications': page(() => import('./pages/notifications.tsx')),
  '/employer/jobs': page(() => import('./pages/employer-jobs.tsx')),
  '/employer/jobs/new': page(() => import('./pages/employer-job-editor.tsx')),
  '/employer/jobs/:id/edit': page(() => import('./pages/employer-job-editor.tsx')),
  '/employer/jobs/:id': page(() => import('./pages/employer-job-review.tsx')),
  '/employer/jobs/:id/pipeline': page(() => import('./pages/employer-pipeline.tsx')),
  '/employer/sources': page(() => import('./pages/employer-sources.tsx')),
  '/employer/interviews': page(() => import('./pages/employer-interviews.tsx')),
  '/employer/team': page(() => import('./pages/employer-team.tsx')),
  '/employer/feedback': page(() => import('./pages/employer-feedback.tsx')),
  '/admin/skills': page(() => import('./pages/admin-skills.tsx')),
  '/admin/experiments': page(() => import('./pages/admin-experiments.tsx')),
  '/admin/decisions': page(() => import('./pages/admin-decisions.tsx')),
  '/audit': page(() => import('./pages/audit.tsx')),
  '*': page(() => import('./pages/not-found.tsx')),
};

export const privatePage = (path: PrivatePath) => PAGES[path];
