-- The seed dated Kursiv's article by the police figure it retells (5 January 2022); the article
-- was published on 11 January 2022, as its address says, and the seed now says so
-- (source_published_on). A database seeded before is corrected the same way, so that seeding it
-- again (npm run db:seed) finds this source instead of adding a second one with a second figure.
-- Only the seeded source as the seed made it, and only when no source has the corrected identity;
-- the change is in the source's history, as an editor's would be.
INSERT INTO `audit_entries` (`actor`, `action`, `entity_type`, `entity_id`, `before`, `after`, `reason`)
  SELECT 'migration: seed correction', 'update', 'source', `id`,
    json_object('id', `id`, 'reportingBody', `reporting_body`, 'publisher', `publisher`, 'title', `title`, 'url', `url`, 'publishedOn', `published_on`, 'fullText', `full_text`, 'createdAt', `created_at`, 'updatedAt', `updated_at`),
    json_object('id', `id`, 'reportingBody', `reporting_body`, 'publisher', `publisher`, 'title', `title`, 'url', `url`, 'publishedOn', '2022-01-11', 'fullText', `full_text`, 'createdAt', `created_at`, 'updatedAt', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    'dated by its publication (11 January 2022, as its address says), not by the police figure of 5 January it retells'
  FROM `sources`
  WHERE `reporting_body` = 'Almaty police' AND `publisher` = 'Kursiv' AND `title` = ''
    AND `url` = 'https://kz.kursiv.media/en/2022-01-11/what-was-going-kazakhstan-january-5-2022/' AND `published_on` = '2022-01-05'
    AND NOT EXISTS (SELECT 1 FROM `sources` AS `s` WHERE `s`.`reporting_body` = 'Almaty police' AND `s`.`publisher` = 'Kursiv' AND `s`.`title` = ''
      AND `s`.`url` = 'https://kz.kursiv.media/en/2022-01-11/what-was-going-kazakhstan-january-5-2022/' AND `s`.`published_on` = '2022-01-11');--> statement-breakpoint
UPDATE `sources` SET `published_on` = '2022-01-11', `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE `reporting_body` = 'Almaty police' AND `publisher` = 'Kursiv' AND `title` = ''
    AND `url` = 'https://kz.kursiv.media/en/2022-01-11/what-was-going-kazakhstan-january-5-2022/' AND `published_on` = '2022-01-05'
    AND NOT EXISTS (SELECT 1 FROM `sources` AS `s` WHERE `s`.`reporting_body` = 'Almaty police' AND `s`.`publisher` = 'Kursiv' AND `s`.`title` = ''
      AND `s`.`url` = 'https://kz.kursiv.media/en/2022-01-11/what-was-going-kazakhstan-january-5-2022/' AND `s`.`published_on` = '2022-01-11');
