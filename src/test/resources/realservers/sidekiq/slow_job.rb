# A sidekiq job that is still running when the stop signal arrives. It leaves started-N and
# finished-N marker files in the directory it is given, so the test sees how far it got.
require "sidekiq"

class SlowJob
  include Sidekiq::Worker

  def perform(dir, number)
    File.write(File.join(dir, "started-#{number}"), "started")
    sleep 1.5
    File.write(File.join(dir, "finished-#{number}"), "finished")
  end
end
