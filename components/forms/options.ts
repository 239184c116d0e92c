export const professionOptions = [
  { value: 'student', label: 'Medical student' },
  { value: 'doctor', label: 'Doctor' },
  { value: 'other', label: 'Other health professional' },
] as const;

export const roleOptions = [
  { value: 'learner', label: 'Learner' },
  { value: 'instructor', label: 'Instructor' },
  { value: 'reviewer', label: 'Clinical reviewer' },
  { value: 'admin', label: 'Admin' },
] as const;
