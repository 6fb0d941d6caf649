# ruby enqueue.rb DIR COUNT: pushes COUNT SlowJobs (numbered 1..COUNT) to $REDIS_URL.
require_relative "slow_job"

dir, count = ARGV
(1..Integer(count)).each { |n| Sidekiq::Client.push("class" => SlowJob, "args" => [dir, n]) }
