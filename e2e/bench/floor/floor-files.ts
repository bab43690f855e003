/**
 * The pages the floor shows, as the API sent them: files beside its build, read by the page, served
 * by its server and watched for by the benchmark.
 */
export const FIRST_PAGE_FILE = 'page.json';
export const SECOND_PAGE_FILE = 'page-2.json';
export const INTERESTED_FILE = 'interested.json';
