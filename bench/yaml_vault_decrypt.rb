# What `yaml_vault decrypt FILE` does for a passphrase-encrypted file with a sign passphrase, with the
# libraries yaml_vault uses (yaml_vault itself is not packaged for Debian; ruby-activesupport is):
# Psych parses the file to its node tree (yaml_vault edits scalars in the tree, so the rest of the
# document stays as written), ActiveSupport::KeyGenerator derives both keys (PBKDF2-HMAC-SHA1, 65536
# iterations, empty salt), MessageEncryptor (aes-256-cbc, HMAC-SHA256, Marshal) decrypts and verifies
# every scalar value, and the tree is emitted again.
#
#   YAML_VAULT_PASSPHRASE=... YAML_VAULT_SIGN_PASSPHRASE=... ruby yaml_vault_decrypt.rb enc.yml
require "yaml"
require "active_support"
require "active_support/key_generator"
require "active_support/message_encryptor"

salt = ""
key = ActiveSupport::KeyGenerator.new(ENV.fetch("YAML_VAULT_PASSPHRASE")).generate_key(salt, 32)
sign_key = ActiveSupport::KeyGenerator.new(ENV.fetch("YAML_VAULT_SIGN_PASSPHRASE")).generate_key(salt)
cryptor = ActiveSupport::MessageEncryptor.new(key, sign_key, cipher: "aes-256-cbc", digest: "SHA256")

# Every value scalar under the root ($, yaml_vault's default key path); mapping keys stay as they are.
def each_value_scalar(node, &block)
  case node
  when Psych::Nodes::Mapping
    node.children.each_slice(2) { |_key, value| each_value_scalar(value, &block) }
  when Psych::Nodes::Sequence
    node.children.each { |value| each_value_scalar(value, &block) }
  when Psych::Nodes::Scalar
    yield node
  end
end

stream = Psych.parse_stream(File.read(ARGV.fetch(0)))
stream.children.each do |document|
  each_value_scalar(document.root) { |scalar| scalar.value = cryptor.decrypt_and_verify(scalar.value) }
end
print stream.to_yaml
