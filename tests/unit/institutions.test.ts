import { describe, expect, test } from 'vitest';
import { type StaffScope, institutionsWhere, mayAt, nameKey, nearDuplicate, nearDuplicatePairs, runsCohort } from '@/lib/domain/institutions';

const scope = (platformRole: StaffScope['platformRole'], at: Record<string, 'admin' | 'instructor' | 'viewer'> = {}): StaffScope => ({ platformRole, at: new Map(Object.entries(at)) });

describe('institution roles', () => {
  test('an institution admin manages only their own institution; a platform admin every one', () => {
    const dean = scope('instructor', { A: 'admin' });
    expect(mayAt(dean, 'A', 'manage-staff')).toBe(true);
    expect(mayAt(dean, 'B', 'manage-staff')).toBe(false);
    expect(mayAt(dean, 'B', 'read-dashboard')).toBe(false);
    expect(mayAt(scope('admin'), 'B', 'manage-staff')).toBe(true);
    expect(institutionsWhere(scope('admin'), 'create-cohort')).toBe('all');
  });

  test('a viewer reads dashboards and changes nothing; an instructor creates cohorts but appoints nobody', () => {
    const viewer = scope('instructor', { A: 'viewer' });
    expect(mayAt(viewer, 'A', 'read-dashboard')).toBe(true);
    for (const act of ['manage-staff', 'edit-settings', 'create-cohort', 'run-any-cohort'] as const) expect(mayAt(viewer, 'A', act)).toBe(false);
    const teacher = scope('instructor', { A: 'instructor', B: 'viewer' });
    expect(mayAt(teacher, 'A', 'create-cohort')).toBe(true);
    expect(mayAt(teacher, 'A', 'manage-staff')).toBe(false);
    expect(institutionsWhere(teacher, 'create-cohort')).toEqual(['A']);
    expect(institutionsWhere(teacher, 'read-dashboard')).toEqual(['A', 'B']);
  });

  test('a cohort is run by its owner and co-teachers while they are instructors there, by its institution admins, and by platform admins', () => {
    const cohort = { institutionId: 'A', ownerId: 'u1' };
    expect(runsCohort(scope('instructor', { A: 'instructor' }), cohort, 'u1', false)).toBe(true);
    expect(runsCohort(scope('instructor', { A: 'instructor' }), cohort, 'u2', false)).toBe(false);
    expect(runsCohort(scope('instructor', { A: 'instructor' }), cohort, 'u2', true)).toBe(true);
    // Removed from the institution's staff: not even their own cohort.
    expect(runsCohort(scope('instructor', {}), cohort, 'u1', false)).toBe(false);
    expect(runsCohort(scope('instructor', { A: 'viewer' }), cohort, 'u1', true)).toBe(false);
    expect(runsCohort(scope('instructor', { A: 'admin' }), cohort, 'u9', false)).toBe(true);
    expect(runsCohort(scope('instructor', { B: 'admin' }), cohort, 'u9', false)).toBe(false);
    expect(runsCohort(scope('admin'), cohort, 'u9', false)).toBe(true);
  });
});

describe('institution names', () => {
  test('the same college typed differently has one key', () => {
    expect(nameKey('Dow Univ. of Health Sciences')).toBe(nameKey('DOW University of Health Sciences'));
    expect(nameKey('King Edward Medical University')).toBe('king edward medical university');
  });

  test('near duplicates: abbreviations, a city added, a typing slip; different colleges are not', () => {
    expect(nearDuplicate('Dow University of Health Sciences', 'Dow University of Health Sciences, Karachi')).toBe(true);
    expect(nearDuplicate('Aga Khan University', 'Aga Khan Univeristy')).toBe(true);
    expect(nearDuplicate('Dow University of Health Sciences', 'Dow Univ. Health Sciences')).toBe(true);
    expect(nearDuplicate('King Edward Medical University', 'Fatima Jinnah Medical University')).toBe(false);
    expect(nearDuplicate('Allama Iqbal Medical College', 'Allama Iqbal Medical College Lahore Campus Two')).toBe(false);
  });

  test('pairs are reported once each', () => {
    const pairs = nearDuplicatePairs([{ name: 'Aga Khan University' }, { name: 'Aga Khan Univeristy' }, { name: 'Khyber Medical University' }]);
    expect(pairs).toHaveLength(1);
  });
});
