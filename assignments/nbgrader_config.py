# For instructors who run nbgrader itself on these assignments (`cd assignments && nbgrader
# generate_assignment 01_regressao_logistica`): the course's own grader (npm run
# assignments:*) does not need this file. nbgrader has no stub for TypeScript; this is the
# one the course's release writes.
c = get_config()  # noqa: F821 (defined by nbgrader when it loads this file)
c.CourseDirectory.root = "."
c.ClearSolutions.code_stub = {"typescript": '// SEU CÓDIGO AQUI\nthrow new Error("não implementado");'}
